package dev.weir.examples;

import java.util.List;

/** The built-in text the word-count demo reads: a few lines, repeated, each stamped one second after the last. */
public final class TextLines {
    public static final List<String> LINES = List.of(
            "to be or not to be that is the question",
            "whether tis nobler in the mind to suffer",
            "the slings and arrows of outrageous fortune",
            "or to take arms against a sea of troubles",
            "and by opposing end them to die to sleep",
            "no more and by a sleep to say we end",
            "the heartache and the thousand natural shocks",
            "that flesh is heir to tis a consummation");

    private TextLines() {
    }
}
