package dev.weir.flink.functions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/** Converts time windows between Weir and Flink: both are the half-open interval [start, end). */
final class TimeWindows {
    private TimeWindows() {
    }

    static TimeWindow toFlink(dev.weir.streaming.api.windowing.windows.TimeWindow weir) {
        return new TimeWindow(weir.getStart(), weir.getEnd());
    }

    static dev.weir.streaming.api.windowing.windows.TimeWindow toWeir(TimeWindow flink) {
        return new dev.weir.streaming.api.windowing.windows.TimeWindow(flink.getStart(), flink.getEnd());
    }

    static List<TimeWindow> toFlink(Collection<dev.weir.streaming.api.windowing.windows.TimeWindow> weir) {
        List<TimeWindow> flink = new ArrayList<>(weir.size());
        for (dev.weir.streaming.api.windowing.windows.TimeWindow window : weir) {
            flink.add(toFlink(window));
        }
        return flink;
    }

    static List<dev.weir.streaming.api.windowing.windows.TimeWindow> toWeir(Collection<TimeWindow> flink) {
        List<dev.weir.streaming.api.windowing.windows.TimeWindow> weir = new ArrayList<>(flink.size());
        for (TimeWindow window : flink) {
            weir.add(toWeir(window));
        }
        return weir;
    }
}
