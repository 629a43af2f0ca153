package dev.weir.api.common.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Writes each element's {@code toString()} followed by {@code \n}, in UTF-8 unless told otherwise, as Flink's. */
public class SimpleStringEncoder<IN> implements Encoder<IN> {
    private static final long serialVersionUID = 1L;

    // The name, not the Charset: Charset is not Serializable.
    private final String charsetName;
    private transient Charset charset;

    /** Encodes in UTF-8. */
    public SimpleStringEncoder() {
        this(StandardCharsets.UTF_8.name());
    }

    /** Encodes in the named charset; an unknown name fails here, not at run time. */
    public SimpleStringEncoder(String charsetName) {
        this.charset = Charset.forName(charsetName);
        this.charsetName = charsetName;
    }

    @Override
    public void encode(IN element, OutputStream stream) throws IOException {
        Charset cs = charset;
        if (cs == null) {
            cs = charset = Charset.forName(charsetName);
        }
        stream.write(String.valueOf(element).getBytes(cs));
        stream.write('\n');
    }
}
