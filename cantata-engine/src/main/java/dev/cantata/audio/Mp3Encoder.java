package dev.cantata.audio;

import de.sciss.jump3r.lowlevel.LameEncoder;
import java.io.IOException;
import java.io.OutputStream;

/** MP3 through jump3r (a pure-Java LAME): constant bit rate, streamable frame by frame. */
final class Mp3Encoder implements Encoder {

    @Override
    public Sink open(OutputStream out, int sampleRate, int channels) {
        javax.sound.sampled.AudioFormat source =
                new javax.sound.sampled.AudioFormat(sampleRate, 16, channels, true, false);
        int kbps = sampleRate >= 32_000 ? (channels == 1 ? 128 : 192) : 64;
        LameEncoder lame = new LameEncoder(
                source,
                kbps,
                channels == 1 ? LameEncoder.CHANNEL_MODE_MONO : LameEncoder.CHANNEL_MODE_JOINT_STEREO,
                LameEncoder.QUALITY_MIDDLE,
                false);
        return new Sink() {
            private final byte[] mp3 = new byte[lame.getMP3BufferSize()];
            private final int chunk = lame.getPCMBufferSize();

            @Override
            public void write(float[] interleaved) throws IOException {
                byte[] pcm = Encoder.toS16le(interleaved);
                for (int off = 0; off < pcm.length; off += chunk) {
                    int n = lame.encodeBuffer(pcm, off, Math.min(chunk, pcm.length - off), mp3);
                    out.write(mp3, 0, n);
                }
            }

            @Override
            public void finish() throws IOException {
                int n = lame.encodeFinish(mp3);
                out.write(mp3, 0, n);
                out.flush();
                lame.close();
            }

            @Override
            public void close() {
                lame.close();
            }
        };
    }
}
