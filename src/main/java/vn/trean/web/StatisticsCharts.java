package vn.trean.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.trean.reporting.StatisticsReport.AreaRow;
import vn.trean.reporting.StatisticsReport.MonthRow;

/**
 * The statistics page's charts as geometry for inline SVG, drawn by the server: no chart library and no script.
 * Each chart sits beside the table of its figures, which is what screen readers and exports use.
 */
final class StatisticsCharts {

    /**
     * A bar with its caption and value; coordinates in the chart's viewBox. A minor bar's caption and value are left
     * out on a phone (the page's style), where every other month is captioned.
     */
    record Bar(String x, String y, String width, String height, String label, String labelX, String labelY, int value,
               String valueX, String valueY, boolean minor) {
    }

    /** A horizontal line of the scale, with its value. */
    record GridLine(String y, int value) {
    }

    record Chart(int width, int height, List<Bar> bars, List<GridLine> grid) {
    }

    private static final int TREND_WIDTH = 480;
    private static final int TREND_HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int TOP = 24;
    private static final int BOTTOM = 30;
    private static final int AREA_WIDTH = 400;
    private static final int AREA_ROW = 42;

    private StatisticsCharts() {
    }

    /** One column per month; every month is captioned up to a year, every few months beyond. */
    static Chart trend(List<MonthRow> months) {
        int max = scale(months.stream().mapToInt(MonthRow::received).max().orElse(0));
        double plotWidth = TREND_WIDTH - LEFT - 8;
        double plotHeight = TREND_HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, months.size());
        int captionEvery = (int) Math.ceil(months.size() / 12.0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            MonthRow month = months.get(i);
            double height = plotHeight * month.received() / max;
            double x = LEFT + i * slot + slot * 0.15;
            double top = TOP + plotHeight - height;
            String caption = i % captionEvery == 0 ? "%02d/%02d".formatted(month.month().getMonthValue(),
                    month.month().getYear() % 100) : "";
            bars.add(new Bar(n(x), n(top), n(slot * 0.7), n(height), caption, n(x + slot * 0.35),
                    n(TREND_HEIGHT - BOTTOM + 20), month.received(), n(x + slot * 0.35), n(top - 5),
                    months.size() > 6 && (i / captionEvery) % 2 == 1));
        }
        List<GridLine> grid = new ArrayList<>(List.of(new GridLine(n(TOP + plotHeight), 0), new GridLine(n(TOP), max)));
        if (max % 2 == 0) {
            grid.add(new GridLine(n(TOP + plotHeight / 2), max / 2));
        }
        return new Chart(TREND_WIDTH, TREND_HEIGHT, bars, grid);
    }

    /** One bar per area (commune), its name and count above it, scaled to the largest. */
    static Chart areas(List<AreaRow> areas) {
        int max = Math.max(1, areas.stream().mapToInt(AreaRow::received).max().orElse(0));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            AreaRow area = areas.get(i);
            double y = i * AREA_ROW;
            bars.add(new Bar("0", n(y + 23), n(Math.max(1, (double) AREA_WIDTH * area.received() / max)), "12",
                    area.name() == null ? "" : area.name(), "0", n(y + 17), area.received(), n(AREA_WIDTH), n(y + 17),
                    false));
        }
        return new Chart(AREA_WIDTH, Math.max(AREA_ROW, areas.size() * AREA_ROW), bars, List.of());
    }

    /** The top of the scale: 1, 2 or 5 times a power of ten, at least the largest value. */
    private static int scale(int largest) {
        int step = 1;
        while (true) {
            for (int factor : new int[] {1, 2, 5}) {
                if (largest <= step * factor) {
                    return Math.max(2, step * factor);
                }
            }
            step *= 10;
        }
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
