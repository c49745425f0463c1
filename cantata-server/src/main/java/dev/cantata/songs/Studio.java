package dev.cantata.songs;

import dev.cantata.music.InstrumentRenderer;
import dev.cantata.music.LyricWriter;
import dev.cantata.music.Pronouncer;
import dev.cantata.music.SongEditor;
import dev.cantata.music.SongEngine;
import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.Priority;
import dev.cantata.speech.SpeechException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * This node's song engine and editor, started on first use: MaryTTS and a 140 MB soundfont take seconds to load, and
 * a node that only speaks should not pay for them. Singing and lyric writing share the speech engines' pool, behind
 * interactive speech ({@link Priority}).
 */
public final class Studio {
    private final Optional<Path> soundfont;
    private final int engines;
    private @Nullable SongEngine engine;
    private @Nullable SongEditor editor;
    private @Nullable LyricWriter writer;

    /** A studio whose songs sing and whose lyrics are pronounced on the node's pool of {@code engines} engines. */
    public Studio(Optional<Path> soundfont, int engines) {
        this.soundfont = soundfont;
        this.engines = engines;
    }

    public synchronized SongEngine engine() throws SpeechException {
        if (engine == null) {
            // Chinese lines are sung with espeak-ng, when the machine has it
            engine = new SongEngine(
                    MaryEngine.start(engines).lane(Priority.SINGING),
                    dev.cantata.speech.EspeakEngine.find(engines).orElse(null),
                    InstrumentRenderer.load(soundfont),
                    true);
        }
        return engine;
    }

    public synchronized LyricWriter lyricWriter() throws SpeechException {
        if (writer == null) {
            writer = new LyricWriter(new Pronouncer(MaryEngine.start(engines).lane(Priority.WRITING)));
        }
        return writer;
    }

    public synchronized SongEditor editor() throws SpeechException {
        if (editor == null) {
            editor = new SongEditor(engine());
        }
        return editor;
    }
}
