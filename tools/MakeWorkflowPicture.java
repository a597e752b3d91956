// Dev-time helper (not part of the build): draws docs/images/workflow.png, the cINN nodes wired together the way
// they look in a KNIME workflow editor. It reads the committed 16x16 node icons (see tools/MakeIcons.java).
// Run from the repository root: java -Djava.awt.headless=true tools/MakeWorkflowPicture.java -- then commit the PNG.
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

public class MakeWorkflowPicture {
    static final int W = 1000, H = 420;
    static final int BOX = 48;          // node box size
    static final int ICON = 32;         // 16x16 icon scaled x2, nearest neighbour
    static final int PORT_DY = 10;      // port offset from the node's centre line when a side has two ports

    static final Color MODEL = new Color(0x7b, 0x3f, 0xa0);   // cINN model port colour
    static final Color DATA = Color.BLACK;
    static final Color WIRE = new Color(0x55, 0x55, 0x55);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color NOTE = new Color(0x70, 0x70, 0x70);
    static final Color BORDER = new Color(0x88, 0x88, 0x88);
    // node type colours (box background), after KNIME's scheme
    static final Color SOURCE = new Color(0xf1, 0x93, 0x3b);
    static final Color MANIPULATOR = new Color(0xff, 0xd1, 0x04);
    static final Color LEARNER = new Color(0xcd, 0xd8, 0x3c);
    static final Color PREDICTOR = new Color(0x3e, 0xb1, 0xd4);
    static final Color VISUALIZER = new Color(0x3e, 0x7c, 0xc0);
    static final Color OTHER = new Color(0xa6, 0xa6, 0xa6);
    // colours for the redrawn icons of the standard nodes
    static final Color INK = new Color(0x33, 0x33, 0x33);
    static final Color PAPER = Color.WHITE;

    enum Port { DATA, MODEL }

    /** A node: centre, box colour, icon, name under the box, input and output ports (top to bottom). */
    record Node(int cx, int cy, Color type, BufferedImage icon, String[] name, Port[] in, Port[] out) {
        int left() { return cx - BOX / 2; }
        int right() { return cx + BOX / 2; }
        /** y of port i of n ports on one side */
        int portY(int i, int n) { return n == 1 ? cy : cy + (2 * i - (n - 1)) * PORT_DY; }
        int inX() { return left() - 5; }        // where a connection ends (tip side of the input marker)
        int outX() { return right() + 5; }      // where a connection starts (after the output marker)
        int inY(int i) { return portY(i, in.length); }
        int outY(int i) { return portY(i, out.length); }
    }

    public static void main(String[] args) throws Exception {
        String nodes = "src/main/java/org/cinn4knime/nodes/";
        BufferedImage learnerIcon = ImageIO.read(new File(nodes + "learner/cinn-learner.png"));
        BufferedImage samplerIcon = ImageIO.read(new File(nodes + "sampler/cinn-sampler.png"));
        BufferedImage scorerIcon = ImageIO.read(new File(nodes + "scorer/cinn-scorer.png"));

        final int rowA = 78, rowB = 300, bottomLane = 398;
        Node source = new Node(80, rowA, SOURCE, icon(MakeWorkflowPicture::tableIcon),
            new String[]{"Table Creator", "simulations (x, y)"}, new Port[]{}, new Port[]{Port.DATA});
        Node partition = new Node(240, rowA, MANIPULATOR, icon(MakeWorkflowPicture::partitionIcon),
            new String[]{"Partitioning"}, new Port[]{Port.DATA}, new Port[]{Port.DATA, Port.DATA});
        Node learner = new Node(420, rowA, LEARNER, learnerIcon,
            new String[]{"cINN Learner"}, new Port[]{Port.DATA}, new Port[]{Port.MODEL, Port.DATA});
        Node plot = new Node(540, 262, VISUALIZER, icon(MakeWorkflowPicture::plotIcon),
            new String[]{"Line Plot", "loss curves"}, new Port[]{Port.DATA}, new Port[]{});
        Node scorer = new Node(720, rowB, PREDICTOR, scorerIcon,
            new String[]{"cINN Scorer"}, new Port[]{Port.MODEL, Port.DATA}, new Port[]{Port.DATA, Port.DATA});
        Node wanted = new Node(720, 182, SOURCE, icon(MakeWorkflowPicture::tableIcon),
            new String[]{"Table Creator", "wanted y"}, new Port[]{}, new Port[]{Port.DATA});
        Node sampler = new Node(860, rowA, PREDICTOR, samplerIcon,
            new String[]{"cINN Sampler"}, new Port[]{Port.MODEL, Port.DATA}, new Port[]{Port.DATA});

        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);

        // ---- connections (drawn first, the nodes' port markers go on top)
        // data source -> Partitioning
        wire(g, Port.DATA, source.outX(), source.outY(0), partition.inX(), partition.inY(0));
        // Partitioning (train) -> Learner
        int trainStep = 322;
        wire(g, Port.DATA, partition.outX(), partition.outY(0),
            trainStep, partition.outY(0),
            trainStep, learner.inY(0),
            learner.inX(), learner.inY(0));
        note(g, "train", (trainStep + learner.inX()) / 2, learner.inY(0) - 7, true);
        // Partitioning (test) -> down, along the bottom lane, up into the Scorer's second input
        int testUp = 668;
        wire(g, Port.DATA, partition.outX(), partition.outY(1),
            partition.outX() + 22, partition.outY(1),
            partition.outX() + 22, bottomLane,
            testUp, bottomLane,
            testUp, scorer.inY(1),
            scorer.inX(), scorer.inY(1));
        note(g, "test", partition.outX() + 28, (partition.outY(1) + bottomLane) / 2 + 4, false);
        // Learner (model) -> Sampler, straight along row A
        wire(g, Port.MODEL, learner.outX(), learner.outY(0), sampler.inX(), sampler.inY(0));
        note(g, "cINN model", 570, learner.outY(0) - 7, true);
        // Learner (model) -> down to the Scorer's first input
        int modelDown = 628;
        wire(g, Port.MODEL, learner.outX(), learner.outY(0),
            modelDown, learner.outY(0),
            modelDown, scorer.inY(0),
            scorer.inX(), scorer.inY(0));
        g.setColor(MODEL);
        g.fillOval(modelDown - 3, learner.outY(0) - 3, 7, 7);   // junction dot
        // Learner (training history) -> Line Plot
        int histDown = 478;
        wire(g, Port.DATA, learner.outX(), learner.outY(1),
            histDown, learner.outY(1),
            histDown, plot.inY(0),
            plot.inX(), plot.inY(0));
        note(g, "training history", histDown + 6, (learner.outY(1) + plot.inY(0)) / 2 + 4, false);
        // wanted y -> Sampler's second input
        int wantedUp = 800;
        wire(g, Port.DATA, wanted.outX(), wanted.outY(0),
            wantedUp, wanted.outY(0),
            wantedUp, sampler.inY(1),
            sampler.inX(), sampler.inY(1));

        // ---- nodes
        for (Node n : new Node[]{source, partition, learner, plot, scorer, wanted, sampler}) {
            node(g, n);
        }

        // ---- labels at the unconnected outputs
        outLabel(g, scorer.outX() + 6, scorer.outY(0), "scores");
        outLabel(g, scorer.outX() + 6, scorer.outY(1), "statistics + flow variables");
        outLabel(g, sampler.outX() + 6, sampler.outY(0), "designs");

        // ---- legend
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int ly = H - 14;
        int lx = 760;
        drawPortMarker(g, Port.DATA, lx, ly);
        g.setColor(NOTE);
        g.drawString("data table", lx + 10, ly + 4);
        lx += 92;
        drawPortMarker(g, Port.MODEL, lx, ly);
        g.setColor(NOTE);
        g.drawString("cINN model", lx + 10, ly + 4);

        g.dispose();
        File f = new File("docs/images/workflow.png");
        f.getParentFile().mkdirs();
        ImageIO.write(img, "png", f);
        System.out.println("wrote " + f.getPath());
    }

    // ---------------------------------------------------------------- nodes and ports

    static void node(Graphics2D g, Node n) {
        int x = n.left(), y = n.cy() - BOX / 2;
        RoundRectangle2D box = new RoundRectangle2D.Double(x, y, BOX, BOX, 12, 12);
        g.setColor(n.type());
        g.fill(box);
        g.setColor(BORDER);
        g.setStroke(new BasicStroke(1f));
        g.draw(box);
        // the icon, scaled x2 nearest neighbour
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(n.icon(), n.cx() - ICON / 2, n.cy() - ICON / 2, ICON, ICON, null);
        // ports
        for (int i = 0; i < n.in().length; i++) {
            drawPortMarker(g, n.in()[i], n.left() - 4, n.inY(i));
        }
        for (int i = 0; i < n.out().length; i++) {
            drawPortMarker(g, n.out()[i], n.right() + 4, n.outY(i));
        }
        // traffic light (executed: green)
        int ty = y + BOX + 5;
        g.setColor(new Color(0xf4, 0xf4, 0xf4));
        g.fillRoundRect(n.cx() - 17, ty, 34, 11, 6, 6);
        g.setColor(new Color(0xbb, 0xbb, 0xbb));
        g.drawRoundRect(n.cx() - 17, ty, 34, 11, 6, 6);
        Color[] lights = {new Color(0xdd, 0xdd, 0xdd), new Color(0xdd, 0xdd, 0xdd), new Color(0x3c, 0xb4, 0x4b)};
        for (int i = 0; i < 3; i++) {
            g.setColor(lights[i]);
            g.fillOval(n.cx() - 13 + i * 10, ty + 2, 7, 7);
        }
        // name under the box
        int ny = ty + 11 + 15;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        centered(g, n.name()[0], n.cx(), ny, TEXT);
        if (n.name().length > 1) {
            g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
            centered(g, n.name()[1], n.cx(), ny + 15, NOTE);
        }
    }

    /** Port marker centred at (x, y): black triangle (data table) or filled square (cINN model). */
    static void drawPortMarker(Graphics2D g, Port p, int x, int y) {
        if (p == Port.DATA) {
            g.setColor(DATA);
            g.fillPolygon(new Polygon(new int[]{x - 4, x + 4, x - 4}, new int[]{y - 5, y, y + 5}, 3));
        } else {
            g.setColor(MODEL);
            g.fillRect(x - 4, y - 4, 9, 9);
        }
    }

    /** An orthogonal connection through the given points (x0, y0, x1, y1, ...), with slightly rounded bends. */
    static void wire(Graphics2D g, Port p, int... xy) {
        Path2D path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        int r = 8;
        for (int i = 2; i < xy.length - 2; i += 2) {
            double px = xy[i - 2], py = xy[i - 1], cx = xy[i], cy = xy[i + 1], nx = xy[i + 2], ny = xy[i + 3];
            double d1 = Math.hypot(cx - px, cy - py), d2 = Math.hypot(nx - cx, ny - cy);
            double rr = Math.min(r, Math.min(d1, d2) / 2);
            path.lineTo(cx - (cx - px) / d1 * rr, cy - (cy - py) / d1 * rr);
            path.quadTo(cx, cy, cx + (nx - cx) / d2 * rr, cy + (ny - cy) / d2 * rr);
        }
        path.lineTo(xy[xy.length - 2], xy[xy.length - 1]);
        g.setColor(p == Port.MODEL ? MODEL : WIRE);
        g.setStroke(new BasicStroke(p == Port.MODEL ? 2.2f : 1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    static void note(Graphics2D g, String s, int x, int y, boolean centre) {
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
        if (centre) {
            centered(g, s, x, y, NOTE);
        } else {
            g.setColor(NOTE);
            g.drawString(s, x, y);
        }
    }

    static void outLabel(Graphics2D g, int x, int y, String s) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(TEXT);
        g.drawString(s, x, y + 4);
    }

    static void centered(Graphics2D g, String s, int cx, int baseline, Color c) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(c);
        g.drawString(s, cx - fm.stringWidth(s) / 2f, baseline);
    }

    // ---------------------------------------------------------------- icons of the standard nodes (16x16)

    static BufferedImage icon(Consumer<Graphics2D> painter) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        painter.accept(g);
        g.dispose();
        return img;
    }

    /** a small table: header row and grid */
    static void tableIcon(Graphics2D g) {
        g.setColor(PAPER);
        g.fillRect(1, 2, 14, 12);
        g.setColor(new Color(0x6f, 0x8f, 0xb0));
        g.fillRect(1, 2, 14, 3);
        g.setColor(INK);
        g.drawRect(1, 2, 13, 11);
        g.drawLine(1, 5, 14, 5);
        g.drawLine(1, 9, 14, 9);
        g.drawLine(5, 2, 5, 13);
        g.drawLine(10, 2, 10, 13);
    }

    /** one table split into two */
    static void partitionIcon(Graphics2D g) {
        g.setColor(PAPER);
        g.fillRect(1, 3, 6, 10);
        g.fillRect(10, 1, 5, 6);
        g.fillRect(10, 9, 5, 6);
        g.setColor(INK);
        g.drawRect(1, 3, 5, 9);
        g.drawLine(1, 6, 6, 6);
        g.drawLine(1, 9, 6, 9);
        g.drawRect(10, 1, 4, 5);
        g.drawRect(10, 9, 4, 5);
        g.drawLine(7, 6, 9, 4);
        g.drawLine(7, 9, 9, 11);
    }

    /** axes and a falling curve */
    static void plotIcon(Graphics2D g) {
        g.setColor(PAPER);
        g.fillRect(1, 1, 14, 14);
        g.setColor(INK);
        g.drawLine(2, 2, 2, 13);
        g.drawLine(2, 13, 14, 13);
        g.setColor(new Color(0xd0, 0x30, 0x30));
        int[] ys = {3, 6, 8, 9, 10, 10, 11, 11, 11, 11, 11};
        for (int i = 0; i + 1 < ys.length; i++) {
            g.drawLine(4 + i, ys[i], 5 + i, ys[i + 1]);
        }
    }
}
