/**
 * Standard MIDI File export of a song: its score (the sung melody with its lyrics, tempo, key, sections) and the notes
 * its instruments played, one named track per part, written with the JDK's {@code javax.sound.midi}.
 */
@NullMarked
package dev.cantata.midi;

import org.jspecify.annotations.NullMarked;
