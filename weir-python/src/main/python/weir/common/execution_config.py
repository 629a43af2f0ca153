"""PyFlink's ``ExecutionConfig`` (``env.get_config()``): each setter writes Flink's ``pipeline.*`` option, which Weir
reads as Flink does."""


class ExecutionConfig:
    """The execution settings of an environment, as PyFlink's ``ExecutionConfig``."""

    def __init__(self, env):
        self._env = env

    def _options(self):
        return self._env._configuration

    def set_auto_watermark_interval(self, interval):
        """Emits periodic watermarks every ``interval`` milliseconds (Flink's default 200; 0 turns them off)."""
        if isinstance(interval, bool) or not isinstance(interval, int) or interval < 0:
            raise ValueError("set_auto_watermark_interval(...) needs milliseconds as an int of at least 0, not %r"
                             % (interval,))
        self._options()["pipeline.auto-watermark-interval"] = "%d ms" % interval
        return self

    def get_auto_watermark_interval(self):
        return int(self._options().get("pipeline.auto-watermark-interval", "200 ms").split()[0])

    def set_parallelism(self, parallelism):
        self._env.set_parallelism(parallelism)
        return self

    def get_parallelism(self):
        return self._env.get_parallelism()

    def set_max_parallelism(self, max_parallelism):
        self._env.set_max_parallelism(max_parallelism)
        return self

    def get_max_parallelism(self):
        return self._env.get_max_parallelism()

    def enable_object_reuse(self):
        """Accepted as in Flink; Weir passes records between chained operators by reference either way."""
        self._options()["pipeline.object-reuse"] = "true"
        return self

    def disable_object_reuse(self):
        self._options()["pipeline.object-reuse"] = "false"
        return self

    def is_object_reuse_enabled(self):
        return self._options().get("pipeline.object-reuse", "false") == "true"

    def set_global_job_parameters(self, global_job_parameters_dict):
        """Parameters every function reads with ``runtime_context.get_job_parameter(key, default)``."""
        if not isinstance(global_job_parameters_dict, dict):
            raise TypeError("set_global_job_parameters(...) needs a dict of str to str, not %r"
                            % (global_job_parameters_dict,))
        for key, value in global_job_parameters_dict.items():
            for text in (str(key), str(value)):
                if "," in text or ":" in text:
                    raise ValueError("set_global_job_parameters(...): %r holds ',' or ':', which Flink's "
                                     "pipeline.global-job-parameters cannot carry" % text)
        self._options()["pipeline.global-job-parameters"] = ",".join(
            "%s:%s" % (key, value) for key, value in global_job_parameters_dict.items())
        return self

    def get_global_job_parameters(self):
        text = self._options().get("pipeline.global-job-parameters", "")
        return dict(entry.split(":", 1) for entry in text.split(",") if entry)
