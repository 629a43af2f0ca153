"""PyFlink's ``pyflink.common``: types, time spans and watermark strategies."""
from weir.common.configuration import Configuration
from weir.common.execution_config import ExecutionConfig
from weir.common.job_client import CompletableFuture, JobClient, JobExecutionResult, JobID, JobStatus
from weir.common.serialization import Encoder, SimpleStringSchema
from weir.common.time import Duration, Time
from weir.common.typeinfo import Types, TypeInformation
from weir.common.types import Row, RowKind
from weir.common.watermark_strategy import TimestampAssigner, WatermarkStrategy

__all__ = ["Configuration", "ExecutionConfig", "Encoder", "SimpleStringSchema", "Duration", "Time", "Row", "RowKind", "Types", "TypeInformation", "TimestampAssigner", "WatermarkStrategy",
           "CompletableFuture", "JobClient", "JobID", "JobStatus", "JobExecutionResult"]
