"""PyFlink's user-function classes; plain functions and lambdas are accepted wherever these are."""


class RuntimeContext:
    """What a function learns about the subtask it runs in, passed to ``open``."""

    def __init__(self, task_name, index_of_this_subtask, number_of_parallel_subtasks):
        self._task_name = task_name
        self._index = index_of_this_subtask
        self._parallelism = number_of_parallel_subtasks

    def get_task_name(self):
        return self._task_name

    def get_index_of_this_subtask(self):
        return self._index

    def get_number_of_parallel_subtasks(self):
        return self._parallelism


class Function:
    """The base of user functions: ``open`` runs in the worker before the first record, ``close`` after the last."""

    def open(self, runtime_context):
        pass

    def close(self):
        pass


class MapFunction(Function):
    def map(self, value):
        raise NotImplementedError("a MapFunction must define map(self, value)")


class FlatMapFunction(Function):
    def flat_map(self, value):
        raise NotImplementedError("a FlatMapFunction must define flat_map(self, value) (a generator, or returning a list)")


class FilterFunction(Function):
    def filter(self, value):
        raise NotImplementedError("a FilterFunction must define filter(self, value)")


class KeySelector(Function):
    def get_key(self, value):
        raise NotImplementedError("a KeySelector must define get_key(self, value)")


class ReduceFunction(Function):
    def reduce(self, value1, value2):
        raise NotImplementedError("a ReduceFunction must define reduce(self, value1, value2)")


def as_callable(function, function_class, method, call):
    """The callable behind a user function (an instance of ``function_class`` or any callable) given to ``call``."""
    if isinstance(function, function_class):
        return getattr(function, method)
    if isinstance(function, Function):
        raise TypeError("%s needs a %s or a function, but got a %s" % (call, function_class.__name__,
                                                                        type(function).__name__))
    if callable(function):
        return function
    raise TypeError("%s needs a %s or a function, not %r" % (call, function_class.__name__, function))
