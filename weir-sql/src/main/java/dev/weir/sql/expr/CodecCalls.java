package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Flink's number and text encodings and the SHA-2 digests: BIN(n) and HEX(n) (two's complement, 64 bits, for a
 * negative number), HEX(s) (s's UTF-8 bytes, upper case), URL_ENCODE(s) and URL_DECODE(s) (UTF-8
 * application/x-www-form-urlencoded; NULL for text that does not decode), SHA224, SHA384, SHA512 and SHA2(s, bits)
 * (lower-case hex of s's UTF-8 bytes; bits one of 224, 256, 384, 512, else the call fails, as Flink's), UNHEX(s) (the
 * bytes of hex text; NULL for text that is not hex), ENCODE(s, charset) and DECODE(bytes, charset). NULL in gives NULL
 * out.
 */
final class CodecCalls extends Expr {
    private static final long serialVersionUID = 1L;

    enum Fn { BIN, HEX_NUMBER, HEX_TEXT, URL_ENCODE, URL_DECODE, SHA224, SHA384, SHA512, SHA2, UNHEX, ENCODE, DECODE }

    private final Fn fn;
    private final Expr[] args;

    private CodecCalls(Fn fn, Expr[] args) {
        this.fn = fn;
        this.args = args;
    }

    /** The call of {@code name}, or null when it is not one of these functions; {@code textArg}: HEX of a string. */
    static Expr of(String name, Expr[] args, boolean textArg) {
        switch (name) {
            case "BIN":
                return new CodecCalls(Fn.BIN, args);
            case "HEX":
                return new CodecCalls(textArg ? Fn.HEX_TEXT : Fn.HEX_NUMBER, args);
            case "URL_ENCODE":
                return new CodecCalls(Fn.URL_ENCODE, args);
            case "URL_DECODE":
                return new CodecCalls(Fn.URL_DECODE, args);
            case "SHA224":
                return new CodecCalls(Fn.SHA224, args);
            case "SHA384":
                return new CodecCalls(Fn.SHA384, args);
            case "SHA512":
                return new CodecCalls(Fn.SHA512, args);
            case "SHA2":
                return new CodecCalls(Fn.SHA2, args);
            case "UNHEX":
                return new CodecCalls(Fn.UNHEX, args);
            case "ENCODE":
                return new CodecCalls(Fn.ENCODE, args);
            case "DECODE":
                return new CodecCalls(Fn.DECODE, args);
            default:
                return null;
        }
    }

    @Override
    public Object eval(Row row) {
        Object a = args[0].eval(row);
        if (a == null) {
            return null;
        }
        switch (fn) {
            case BIN:
                return Long.toBinaryString(((Number) a).longValue());
            case HEX_NUMBER:
                return Long.toHexString(((Number) a).longValue()).toUpperCase(Locale.ROOT);
            case HEX_TEXT: {
                byte[] bytes = a.toString().getBytes(StandardCharsets.UTF_8);
                char[] out = new char[bytes.length * 2];
                for (int i = 0; i < bytes.length; i++) {
                    out[2 * i] = Character.toUpperCase(Character.forDigit((bytes[i] >> 4) & 0xF, 16));
                    out[2 * i + 1] = Character.toUpperCase(Character.forDigit(bytes[i] & 0xF, 16));
                }
                return new String(out);
            }
            case URL_ENCODE:
                return URLEncoder.encode(a.toString(), StandardCharsets.UTF_8);
            case URL_DECODE:
                try {
                    return URLDecoder.decode(a.toString(), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            case SHA224:
                return StringCalls.digest("SHA-224", a.toString());
            case SHA384:
                return StringCalls.digest("SHA-384", a.toString());
            case SHA512:
                return StringCalls.digest("SHA-512", a.toString());
            case UNHEX:
                return unhex(a.toString());
            case ENCODE:
            case DECODE: {
                Object charset = args[1].eval(row);
                if (charset == null) {
                    return null;
                }
                Charset cs = Charset.forName(charset.toString());
                return fn == Fn.ENCODE ? a.toString().getBytes(cs) : new String((byte[]) a, cs);
            }
            default: {
                Object bits = args[1].eval(row);
                if (bits == null) {
                    return null;
                }
                int n = ((Number) bits).intValue();
                if (n != 224 && n != 256 && n != 384 && n != 512) {
                    throw new IllegalArgumentException("SHA2's hash length must be 224, 256, 384 or 512, not " + n);
                }
                return StringCalls.digest("SHA-" + n, a.toString());
            }
        }
    }

    // Two hex digits a byte; of an odd count, Flink drops the first digit and leads with a zero byte ('ABC' is 00 BC);
    // NULL for a character that is not a hex digit.
    private static byte[] unhex(String s) {
        int odd = s.length() % 2;
        byte[] out = new byte[(s.length() + 1) / 2];
        if (odd == 1 && Character.digit(s.charAt(0), 16) < 0) {
            return null;
        }
        for (int i = odd; i < out.length; i++) {
            int high = Character.digit(s.charAt(2 * i - odd), 16);
            int low = Character.digit(s.charAt(2 * i + 1 - odd), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }
}
