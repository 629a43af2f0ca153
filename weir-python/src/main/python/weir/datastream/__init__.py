"""PyFlink's ``pyflink.datastream``: the DataStream API."""
from weir.datastream.data_stream import CloseableIterator, ConnectedStreams, DataStream, KeyedStream, WindowedStream
from weir.datastream.functions import (CoFlatMapFunction, CoMapFunction, FilterFunction, FlatMapFunction, Function, KeyedProcessFunction, KeySelector,
                                       MapFunction, ProcessFunction, ReduceFunction, RuntimeContext, TimeDomain,
                                       TimerService)
from weir.datastream.output_tag import OutputTag
from weir.datastream.stream_execution_environment import JobExecutionResult, StreamExecutionEnvironment
from weir.datastream.window import (EventTimeSessionWindows, ProcessingTimeSessionWindows, SlidingEventTimeWindows,
                                    SlidingProcessingTimeWindows, TumblingEventTimeWindows,
                                    TumblingProcessingTimeWindows, WindowAssigner)

__all__ = ["OutputTag", "CoFlatMapFunction", "CoMapFunction", "ConnectedStreams", "CloseableIterator", "DataStream", "KeyedStream", "WindowedStream", "FilterFunction", "FlatMapFunction",
           "Function", "KeySelector", "MapFunction", "ReduceFunction", "RuntimeContext", "KeyedProcessFunction",
           "ProcessFunction", "TimeDomain", "TimerService", "JobExecutionResult",
           "StreamExecutionEnvironment", "EventTimeSessionWindows", "ProcessingTimeSessionWindows",
           "SlidingEventTimeWindows", "SlidingProcessingTimeWindows", "TumblingEventTimeWindows",
           "TumblingProcessingTimeWindows", "WindowAssigner"]
