package dev.cantata.http.suno;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clip's cover, drawn: a two-colour gradient whose hues come from the style (dark moods darker, bright ones
 * brighter), a waveform and rings placed by the clip's seed, the title set large and the style small. The same clip
 * always gets the same picture. Without fonts (a machine with no font package) the picture is drawn without text.
 */
final class Cover {
    private static final Logger LOG = LoggerFactory.getLogger(Cover.class);
    static final int SIZE = 512;

    private Cover() {}

    static byte[] png(String title, String tags, long seed) throws IOException {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            SplittableRandom random = new SplittableRandom(seed);
            String style = tags.toLowerCase(Locale.ROOT);
            boolean dark = style.matches(".*\\b(sad|dark|melanchol\\w*|metal|lonely|haunting|somber|moody)\\b.*");
            boolean bright = style.matches(".*\\b(happy|cheerful|upbeat|joyful|bright|pop|disco|summer)\\b.*");
            float hue = Math.floorMod(style.replaceAll("[^a-z]", "").hashCode(), 360) / 360f;
            float brightness = dark ? 0.35f : bright ? 0.95f : 0.7f;
            Color from = Color.getHSBColor(hue, 0.65f, brightness);
            Color to = Color.getHSBColor(
                    (hue + 0.12f + (float) random.nextDouble() * 0.2f) % 1f, 0.8f, brightness * 0.45f);
            g.setPaint(new GradientPaint(0, 0, from, SIZE, SIZE, to));
            g.fillRect(0, 0, SIZE, SIZE);

            g.setColor(new Color(255, 255, 255, 40));
            for (int i = 0; i < 5; i++) {
                double r = 60 + random.nextDouble() * 220;
                double x = random.nextDouble() * SIZE;
                double y = random.nextDouble() * SIZE;
                g.setStroke(new BasicStroke(2 + (float) random.nextDouble() * 6));
                g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
            Path2D wave = new Path2D.Double();
            double phase = random.nextDouble() * Math.PI * 2;
            double cycles = 2 + random.nextInt(5);
            for (int x = 0; x <= SIZE; x += 4) {
                double envelope = Math.sin(Math.PI * x / SIZE);
                double y = SIZE * 0.62
                        + Math.sin(phase + cycles * 2 * Math.PI * x / SIZE)
                                * 50
                                * envelope
                                * (0.6 + 0.4 * Math.sin(x * 0.05));
                if (x == 0) {
                    wave.moveTo(x, y);
                } else {
                    wave.lineTo(x, y);
                }
            }
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(new Color(255, 255, 255, 170));
            g.draw(wave);

            try {
                text(g, title.isBlank() ? "Untitled" : title, tags);
            } catch (RuntimeException | Error e) { // no fonts on this machine: the picture stays without words
                LOG.warn("cover text could not be drawn ({}); install fonts-dejavu-core", e.toString());
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void text(Graphics2D g, String title, String tags) {
        g.setColor(Color.WHITE);
        int size = 54;
        List<String> lines;
        do {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            lines = wrap(title, g.getFontMetrics(), SIZE - 64);
            size -= 4;
        } while (lines.size() > 3 && size > 22);
        FontMetrics m = g.getFontMetrics();
        int y = 56 + m.getAscent();
        for (String line : lines.subList(0, Math.min(3, lines.size()))) {
            g.drawString(line, 32, y);
            y += m.getHeight();
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        g.setColor(new Color(255, 255, 255, 210));
        String small = tags.length() > 48 ? tags.substring(0, 47) + "…" : tags;
        g.drawString(small, 32, SIZE - 36);
    }

    private static List<String> wrap(String text, FontMetrics m, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (m.stringWidth(next) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
