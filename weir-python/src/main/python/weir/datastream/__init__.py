"""PyFlink's ``pyflink.datastream``: the DataStream API."""
from weir.datastream.checkpoint_config import (CheckpointConfig, ExternalizedCheckpointCleanup,
                                               ExternalizedCheckpointRetention)
from weir.datastream.checkpoint_storage import (CheckpointStorage, CustomCheckpointStorage,
                                                FileSystemCheckpointStorage, JobManagerCheckpointStorage)
from weir.datastream.checkpointing_mode import CheckpointingMode
from weir.datastream.data_stream import (AllWindowedStream, BroadcastConnectedStream, BroadcastStream,
                                         CloseableIterator, ConnectedStreams, DataStream, DataStreamSink, KeyedStream,
                                         WindowedStream)
from weir.datastream.execution_mode import RuntimeExecutionMode
from weir.datastream.functions import (AggregateFunction, AllWindowFunction, BroadcastProcessFunction,
                                       CoFlatMapFunction, CoMapFunction, KeyedBroadcastProcessFunction,
                                       CoProcessFunction, FilterFunction, FlatMapFunction, Function,
                                       KeyedCoProcessFunction, KeyedProcessFunction, KeySelector, MapFunction,
                                       Partitioner, ProcessAllWindowFunction, ProcessFunction, ProcessWindowFunction,
                                       ReduceFunction, RuntimeContext, SinkFunction, SourceFunction, TimeDomain,
                                       TimerService, WindowFunction)
from weir.datastream.state_backend import EmbeddedRocksDBStateBackend, HashMapStateBackend, StateBackend
from weir.datastream.time_characteristic import TimeCharacteristic
from weir.datastream.output_tag import OutputTag
from weir.datastream.stream_execution_environment import JobExecutionResult, StreamExecutionEnvironment
from weir.datastream.window import (ContinuousEventTimeTrigger, ContinuousProcessingTimeTrigger, CountEvictor,
                                    CountSlidingWindowAssigner, CountTrigger, CountTumblingWindowAssigner, CountWindow,
                                    DeltaEvictor,
                                    DynamicEventTimeSessionWindows, DynamicProcessingTimeSessionWindows, Evictor,
                                    SessionWindowTimeGapExtractor, TimeEvictor,
                                    EventTimeSessionWindows, EventTimeTrigger, GlobalWindow, GlobalWindows,
                                    ProcessingTimeSessionWindows, ProcessingTimeTrigger, PurgingTrigger,
                                    SlidingEventTimeWindows, SlidingProcessingTimeWindows, TimeWindow, Trigger,
                                    TriggerResult,
                                    TumblingEventTimeWindows, TumblingProcessingTimeWindows, Window, WindowAssigner)

__all__ = ["AggregateFunction", "OutputTag", "CoFlatMapFunction", "CoMapFunction", "ConnectedStreams", "CloseableIterator", "DataStream", "DataStreamSink", "KeyedStream", "WindowedStream", "FilterFunction", "FlatMapFunction",
           "Function", "KeySelector", "MapFunction", "ReduceFunction", "RuntimeContext", "KeyedProcessFunction",
           "ProcessFunction", "TimeDomain", "TimerService", "JobExecutionResult",
           "StreamExecutionEnvironment", "EventTimeSessionWindows", "ProcessingTimeSessionWindows",
           "SlidingEventTimeWindows", "SlidingProcessingTimeWindows", "TumblingEventTimeWindows",
           "TumblingProcessingTimeWindows", "WindowAssigner", "CoProcessFunction", "KeyedCoProcessFunction",
           "ProcessWindowFunction", "WindowFunction", "ContinuousEventTimeTrigger", "ContinuousProcessingTimeTrigger",
           "CountSlidingWindowAssigner", "CountTrigger", "CountTumblingWindowAssigner", "EventTimeTrigger",
           "GlobalWindow", "GlobalWindows", "ProcessingTimeTrigger", "PurgingTrigger", "TimeWindow", "Trigger",
           "TriggerResult", "AllWindowedStream", "AllWindowFunction", "ProcessAllWindowFunction", "Partitioner", "SinkFunction",
           "SourceFunction", "CheckpointConfig", "CheckpointingMode", "ExternalizedCheckpointCleanup",
           "ExternalizedCheckpointRetention", "RuntimeExecutionMode", "TimeCharacteristic", "StateBackend",
           "HashMapStateBackend", "EmbeddedRocksDBStateBackend", "BroadcastProcessFunction",
           "KeyedBroadcastProcessFunction", "Window", "BroadcastStream", "BroadcastConnectedStream",
           "Evictor", "CountEvictor", "TimeEvictor", "DeltaEvictor",
           "DynamicEventTimeSessionWindows", "DynamicProcessingTimeSessionWindows", "SessionWindowTimeGapExtractor", "CountWindow",
           "CheckpointStorage", "CustomCheckpointStorage", "FileSystemCheckpointStorage", "JobManagerCheckpointStorage"]
