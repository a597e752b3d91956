// Dev-time helper (not part of the build): draws the 16x16 PNG icons of the cINN nodes and category.
// Run from the repository root: java tools/MakeIcons.java   -- then commit the PNGs it wrote.
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

public class MakeIcons {
    static final Color TEAL = new Color(0x00, 0x7a, 0x87);
    static final Color ORANGE = new Color(0xf0, 0x8a, 0x24);
    static final Color DARK = new Color(0x33, 0x33, 0x33);

    public static void main(String[] args) throws Exception {
        String nodes = "src/main/java/org/cinn4knime/nodes/";
        // category: an hourglass-like invertible map x <-> z
        write("icons/cinn-category.png", g -> {
            base(g);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.6f));
            g.drawLine(4, 5, 12, 5);
            g.drawLine(4, 11, 12, 11);
            g.fillPolygon(new int[]{10, 13, 10}, new int[]{3, 5, 7}, 3);
            g.fillPolygon(new int[]{6, 3, 6}, new int[]{9, 11, 13}, 3);
        });
        // learner: the invertible map plus a rising "training" mark
        write(nodes + "learner/cinn-learner.png", g -> {
            base(g);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.4f));
            g.drawLine(3, 6, 10, 6);
            g.drawLine(3, 10, 10, 10);
            g.fillPolygon(new int[]{9, 12, 9}, new int[]{4, 6, 8}, 3);
            g.fillPolygon(new int[]{5, 2, 5}, new int[]{8, 10, 12}, 3);
            g.setColor(ORANGE);
            g.fillRect(12, 9, 3, 6);
        });
        // sampler: one target fanning out into several designs
        write(nodes + "sampler/cinn-sampler.png", g -> {
            base(g);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.2f));
            g.fillOval(2, 7, 3, 3);
            for (int y : new int[]{3, 8, 13}) {
                g.drawLine(4, 8, 11, y);
            }
            g.setColor(ORANGE);
            for (int y : new int[]{3, 8, 13}) {
                g.fillOval(11, y - 1, 3, 3);
            }
        });
        // scorer: a bell curve with a tick
        write(nodes + "scorer/cinn-scorer.png", g -> {
            base(g);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.3f));
            int prevX = 2, prevY = 13;
            for (int x = 2; x <= 14; x++) {
                double t = (x - 8) / 2.5;
                int y = (int)Math.round(13 - 9 * Math.exp(-t * t / 2));
                g.drawLine(prevX, prevY, x, y);
                prevX = x;
                prevY = y;
            }
            g.setColor(ORANGE);
            g.setStroke(new BasicStroke(1.8f));
            g.drawLine(9, 10, 11, 13);
            g.drawLine(11, 13, 15, 6);
        });
    }

    static void base(Graphics2D g) {
        g.setColor(TEAL);
        g.fillRoundRect(0, 0, 16, 16, 5, 5);
        g.setColor(DARK);
        g.drawRoundRect(0, 0, 15, 15, 5, 5);
    }

    static void write(String path, Consumer<Graphics2D> painter) throws Exception {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        painter.accept(g);
        g.dispose();
        File f = new File(path);
        f.getParentFile().mkdirs();
        ImageIO.write(img, "png", f);
        System.out.println("wrote " + path);
    }
}
