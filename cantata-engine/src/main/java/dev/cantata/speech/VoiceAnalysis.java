package dev.cantata.speech;

/**
 * What a recording says about its speaker.
 *
 * @param medianF0 median fundamental frequency of voiced frames, Hz
 * @param lowF0 10th percentile of F0, Hz
 * @param highF0 90th percentile of F0, Hz
 * @param spectrum smoothed long-term log spectrum of voiced frames, 0–8 kHz, for vocal-tract comparison
 * @param voicedSeconds how much voiced speech the estimate rests on
 * @param speechSeconds from the first to the last non-silent 10 ms frame
 */
public record VoiceAnalysis(
        double medianF0, double lowF0, double highF0, double[] spectrum, double voicedSeconds, double speechSeconds) {}
