"""PyFlink's ``pyflink.datastream``: the DataStream API."""
from weir.datastream.data_stream import (CloseableIterator, ConnectedStreams, DataStream, DataStreamSink, KeyedStream,
                                         WindowedStream)
from weir.datastream.functions import (AggregateFunction, CoFlatMapFunction, CoMapFunction, CoProcessFunction,
                                       FilterFunction, FlatMapFunction, Function, KeyedCoProcessFunction,
                                       KeyedProcessFunction, KeySelector, MapFunction, ProcessFunction,
                                       ProcessWindowFunction, ReduceFunction, RuntimeContext, TimeDomain, TimerService,
                                       WindowFunction)
from weir.datastream.output_tag import OutputTag
from weir.datastream.stream_execution_environment import JobExecutionResult, StreamExecutionEnvironment
from weir.datastream.window import (ContinuousEventTimeTrigger, ContinuousProcessingTimeTrigger,
                                    CountSlidingWindowAssigner, CountTrigger, CountTumblingWindowAssigner,
                                    EventTimeSessionWindows, EventTimeTrigger, GlobalWindow, GlobalWindows,
                                    ProcessingTimeSessionWindows, ProcessingTimeTrigger, PurgingTrigger,
                                    SlidingEventTimeWindows, SlidingProcessingTimeWindows, TimeWindow, Trigger,
                                    TumblingEventTimeWindows, TumblingProcessingTimeWindows, WindowAssigner)

__all__ = ["AggregateFunction", "OutputTag", "CoFlatMapFunction", "CoMapFunction", "ConnectedStreams", "CloseableIterator", "DataStream", "DataStreamSink", "KeyedStream", "WindowedStream", "FilterFunction", "FlatMapFunction",
           "Function", "KeySelector", "MapFunction", "ReduceFunction", "RuntimeContext", "KeyedProcessFunction",
           "ProcessFunction", "TimeDomain", "TimerService", "JobExecutionResult",
           "StreamExecutionEnvironment", "EventTimeSessionWindows", "ProcessingTimeSessionWindows",
           "SlidingEventTimeWindows", "SlidingProcessingTimeWindows", "TumblingEventTimeWindows",
           "TumblingProcessingTimeWindows", "WindowAssigner", "CoProcessFunction", "KeyedCoProcessFunction",
           "ProcessWindowFunction", "WindowFunction", "ContinuousEventTimeTrigger", "ContinuousProcessingTimeTrigger",
           "CountSlidingWindowAssigner", "CountTrigger", "CountTumblingWindowAssigner", "EventTimeTrigger",
           "GlobalWindow", "GlobalWindows", "ProcessingTimeTrigger", "PurgingTrigger", "TimeWindow", "Trigger"]
