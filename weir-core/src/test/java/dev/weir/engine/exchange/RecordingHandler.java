package dev.weir.engine.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every drained item as text: {@code "value@timestamp"} for records, {@code "value@timestamp key#group"} for
 * records that came with their key, {@code "MARKER:argument"} for markers.
 */
final class RecordingHandler implements RecordHandler {

    final List<String> items = new ArrayList<>();
    private final Marker stopOn;

    RecordingHandler() {
        this(null);
    }

    /** A handler whose onControl returns true for {@code stopOn}. */
    RecordingHandler(Marker stopOn) {
        this.stopOn = stopOn;
    }

    @Override
    public void onRecord(Object value, long timestamp) {
        items.add(value + "@" + timestamp);
    }

    @Override
    public void onKeyedRecord(Object value, long timestamp, Object key, int keyGroup) {
        items.add(value + "@" + timestamp + " " + key + "#" + keyGroup);
    }

    @Override
    public boolean onControl(Marker marker, long argument) {
        items.add(marker + ":" + argument);
        return marker == stopOn;
    }

    List<String> takeAll() {
        List<String> copy = List.copyOf(items);
        items.clear();
        return copy;
    }
}
