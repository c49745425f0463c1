package dev.cantata.audio;

/**
 * Loudness per ITU-R BS.1770-4 / EBU R128: K-weighting (the standard's shelf and high-pass, designed for the signal's
 * own rate), mean square over 400 ms blocks with 75 % overlap, an absolute gate at −70 LUFS and a relative gate 10 LU
 * below the ungated loudness. True peak by 4× oversampling.
 */
public final class Loudness {
    private Loudness() {}

    /** Integrated loudness in LUFS of interleaved audio; {@code -Infinity} for silence. */
    public static double integrated(float[] interleaved, int channels, int rate) {
        int frames = interleaved.length / channels;
        int hop = (int) Math.round(0.1 * rate);
        int block = 4 * hop; // 400 ms blocks overlapping by 75 %
        if (frames < block) {
            return Double.NEGATIVE_INFINITY;
        }
        // the weighted energy of each quarter-block hop, summed over the channels (their weights are 1 for L and R);
        // a block is four consecutive hops, so no per-sample buffer is kept (a song's was 67 MB per call, and the
        // master is measured several times)
        double[] hops = new double[frames / hop];
        for (int c = 0; c < channels; c++) {
            Biquad shelf = shelf(rate);
            Biquad highPass = highPass(rate);
            // hop by hop, summed in the same order as sample by sample (no division per sample)
            for (int h = 0, i = 0; h < hops.length; h++) {
                double energy = hops[h];
                for (int end = i + hop; i < end; i++) {
                    double w = highPass.process(shelf.process(interleaved[i * channels + c]));
                    energy += w * w;
                }
                hops[h] = energy;
            }
        }
        int blocks = (frames - block) / hop + 1;
        double[] power = new double[blocks];
        for (int j = 0; j < blocks; j++) {
            power[j] = (hops[j] + hops[j + 1] + hops[j + 2] + hops[j + 3]) / block;
        }
        double sum = 0;
        int count = 0;
        for (double p : power) {
            if (lufs(p) > -70) {
                sum += p;
                count++;
            }
        }
        if (count == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double relative = lufs(sum / count) - 10;
        sum = 0;
        count = 0;
        for (double p : power) {
            if (lufs(p) > -70 && lufs(p) > relative) {
                sum += p;
                count++;
            }
        }
        return count == 0 ? Double.NEGATIVE_INFINITY : lufs(sum / count);
    }

    /**
     * Short-term loudness (EBU R128: 3 s windows) in LUFS every {@code hopSeconds}, window k starting at k hops; an
     * empty array when the audio is shorter than a window.
     */
    public static double[] shortTerm(float[] interleaved, int channels, int rate, double hopSeconds) {
        int frames = interleaved.length / channels;
        int window = 3 * rate;
        int hop = Math.max(1, (int) Math.round(hopSeconds * rate));
        if (frames < window) {
            return new double[0];
        }
        double[] prefix = new double[frames + 1];
        for (int c = 0; c < channels; c++) {
            Biquad shelf = shelf(rate);
            Biquad highPass = highPass(rate);
            for (int i = 0; i < frames; i++) {
                double w = highPass.process(shelf.process(interleaved[i * channels + c]));
                prefix[i + 1] += w * w;
            }
        }
        for (int i = 0; i < frames; i++) {
            prefix[i + 1] += prefix[i];
        }
        double[] out = new double[(frames - window) / hop + 1];
        for (int k = 0; k < out.length; k++) {
            out[k] = lufs((prefix[k * hop + window] - prefix[k * hop]) / window);
        }
        return out;
    }

    /**
     * Loudness range in LU (EBU Tech 3342): the spread between the 10th and 95th percentiles of the short-term
     * loudness (3 s windows every 0.1 s), over the windows above −70 LUFS and above 20 LU under their mean power.
     */
    public static double range(float[] interleaved, int channels, int rate) {
        double[] st = shortTerm(interleaved, channels, rate, 0.1);
        double sum = 0;
        int count = 0;
        for (double l : st) {
            if (l > -70) {
                sum += Math.pow(10, (l + 0.691) / 10);
                count++;
            }
        }
        if (count == 0) {
            return 0;
        }
        double gate = lufs(sum / count) - 20;
        double[] kept = java.util.Arrays.stream(st)
                .filter(l -> l > -70 && l > gate)
                .sorted()
                .toArray();
        if (kept.length == 0) {
            return 0;
        }
        return percentile(kept, 0.95) - percentile(kept, 0.10);
    }

    private static double percentile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int low = (int) Math.floor(at);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
    }

    /**
     * The Pearson correlation of the left and right channels of interleaved stereo: 1 for mono, 0 for unrelated
     * channels, negative when they are out of phase; 0 for silence.
     */
    public static double correlation(float[] stereo) {
        double ll = 0;
        double rr = 0;
        double lr = 0;
        double l = 0;
        double r = 0;
        int frames = stereo.length / 2;
        for (int i = 0; i < frames; i++) {
            l += stereo[2 * i];
            r += stereo[2 * i + 1];
        }
        l /= Math.max(1, frames);
        r /= Math.max(1, frames);
        for (int i = 0; i < frames; i++) {
            double a = stereo[2 * i] - l;
            double b = stereo[2 * i + 1] - r;
            ll += a * a;
            rr += b * b;
            lr += a * b;
        }
        return ll == 0 || rr == 0 ? 0 : lr / Math.sqrt(ll * rr);
    }

    private static double lufs(double meanSquare) {
        return -0.691 + 10 * Math.log10(meanSquare + 1e-20);
    }

    /**
     * The stage-1 shelf of BS.1770 (+4 dB above about 1.7 kHz) for any rate: the standard's analogue prototype through
     * the bilinear transform (the published design behind its 48 kHz coefficients; RBJ's shelf differs by 0.3 dB).
     */
    static Biquad shelf(int rate) {
        double f0 = 1681.974450955533;
        double gain = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / rate);
        double vh = Math.pow(10, gain / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        return new Biquad(
                (vh + vb * k / q + k * k) / a0,
                2 * (k * k - vh) / a0,
                (vh - vb * k / q + k * k) / a0,
                2 * (k * k - 1) / a0,
                (1 - k / q + k * k) / a0);
    }

    /** The stage-2 RLB high-pass of BS.1770 (about 38 Hz), for any rate, from the same design. */
    static Biquad highPass(int rate) {
        double f0 = 38.13547087602444;
        double q = 0.5003270373238773;
        double k = Math.tan(Math.PI * f0 / rate);
        double a0 = 1 + k / q + k * k;
        return new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
    }

    /**
     * True peak in dBTP: the largest absolute value after 4× oversampling. Only the neighbourhoods of samples within
     * 3 dB of the sample peak are oversampled: an inter-sample peak 3 dB above every sample around it takes a
     * pathological signal, so quieter stretches cannot hold the maximum and the whole song need not be upsampled (the
     * song tests check the result against ffmpeg's meter).
     */
    public static double truePeak(float[] interleaved, int channels, int rate) {
        int frames = interleaved.length / channels;
        double samplePeak = 0;
        for (float v : interleaved) {
            samplePeak = Math.max(samplePeak, Math.abs(v));
        }
        double peak = samplePeak;
        double threshold = samplePeak * 0.7079;
        int margin = 48;
        for (int c = 0; c < channels; c++) {
            int i = 0;
            while (i < frames) {
                if (Math.abs(interleaved[i * channels + c]) < threshold) {
                    i++;
                    continue;
                }
                int from = Math.max(0, i - margin);
                int to = i;
                // extend the window while loud samples keep coming within the margin
                for (int j = i; j < frames && j <= to + margin; j++) {
                    if (Math.abs(interleaved[j * channels + c]) >= threshold) {
                        to = j;
                    }
                }
                to = Math.min(frames, to + margin + 1);
                float[] window = new float[to - from];
                for (int k = from; k < to; k++) {
                    window[k - from] = interleaved[k * channels + c];
                }
                for (float v : Resampler.resample(window, rate, rate * 4)) {
                    peak = Math.max(peak, Math.abs(v));
                }
                i = to;
            }
        }
        return 20 * Math.log10(peak + 1e-12);
    }
}
