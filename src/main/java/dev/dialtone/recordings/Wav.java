package dev.dialtone.recordings;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A recording's audio, made on demand: 8 kHz mono µ-law WAV (as Twilio's phone recordings are) of
 * the recording's duration, silent, so an app that downloads its voicemail gets a file any audio
 * library reads.
 */
final class Wav {
    private Wav() {}

    static final int SAMPLE_RATE = 8000;

    /** µ-law's silence. */
    private static final byte SILENCE = (byte) 0xFF;

    static long length(int seconds) {
        return 44L + (long) SAMPLE_RATE * seconds;
    }

    /** The file, made as it is read: the header, then the silence. */
    static InputStream stream(int seconds) {
        int data = SAMPLE_RATE * seconds;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII));
        header.putInt(36 + data);
        header.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        header.putInt(16); // fmt chunk size
        header.putShort((short) 7); // µ-law
        header.putShort((short) 1); // mono
        header.putInt(SAMPLE_RATE);
        header.putInt(SAMPLE_RATE); // bytes per second: one byte a sample
        header.putShort((short) 1); // block align
        header.putShort((short) 8); // bits per sample
        header.put("data".getBytes(StandardCharsets.US_ASCII));
        header.putInt(data);
        return new SequenceInputStream(new ByteArrayInputStream(header.array()), new Silence(data));
    }

    /** {@code length} bytes of µ-law silence. */
    private static final class Silence extends InputStream {
        private long left;

        Silence(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return SILENCE & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, SILENCE);
            left -= n;
            return n;
        }
    }
}
