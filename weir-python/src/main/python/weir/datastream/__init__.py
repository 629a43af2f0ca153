"""PyFlink's ``pyflink.datastream``: the DataStream API."""
from weir.datastream.data_stream import (CloseableIterator, ConnectedStreams, DataStream, DataStreamSink, KeyedStream,
                                         WindowedStream)
from weir.datastream.functions import (AggregateFunction, CoFlatMapFunction, CoMapFunction, FilterFunction, FlatMapFunction, Function, KeyedProcessFunction, KeySelector,
                                       MapFunction, ProcessFunction, ReduceFunction, RuntimeContext, TimeDomain,
                                       TimerService)
from weir.datastream.output_tag import OutputTag
from weir.datastream.stream_execution_environment import JobExecutionResult, StreamExecutionEnvironment
from weir.datastream.window import (EventTimeSessionWindows, ProcessingTimeSessionWindows, SlidingEventTimeWindows,
                                    SlidingProcessingTimeWindows, TumblingEventTimeWindows,
                                    TumblingProcessingTimeWindows, WindowAssigner)

__all__ = ["AggregateFunction", "OutputTag", "CoFlatMapFunction", "CoMapFunction", "ConnectedStreams", "CloseableIterator", "DataStream", "DataStreamSink", "KeyedStream", "WindowedStream", "FilterFunction", "FlatMapFunction",
           "Function", "KeySelector", "MapFunction", "ReduceFunction", "RuntimeContext", "KeyedProcessFunction",
           "ProcessFunction", "TimeDomain", "TimerService", "JobExecutionResult",
           "StreamExecutionEnvironment", "EventTimeSessionWindows", "ProcessingTimeSessionWindows",
           "SlidingEventTimeWindows", "SlidingProcessingTimeWindows", "TumblingEventTimeWindows",
           "TumblingProcessingTimeWindows", "WindowAssigner"]
