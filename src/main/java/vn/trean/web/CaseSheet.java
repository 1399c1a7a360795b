package vn.trean.web;

import java.util.List;
import vn.trean.casefile.CaseView;
import vn.trean.casefile.CaseVisibility;
import vn.trean.casefile.PlanMeasure;
import vn.trean.identity.CurrentUser;

/**
 * A case file as a page shows it: already cut to the reader's role by {@link CaseVisibility} (the API
 * applies the same rule), plus whether the page shows the whole case and who read it.
 *
 * @param report  null when hidden
 * @param steps   the timeline steps shown
 * @param viewers whether the list of who read the file is shown
 */
public record CaseSheet(CaseView caseView, boolean fullView, CaseView.Report report, List<CaseView.Step> steps,
                        List<PlanMeasure> measures, boolean viewers) {

    static CaseSheet of(CaseView view, CurrentUser reader) {
        CaseView cut = CaseVisibility.cut(view, reader);
        boolean whole = CaseVisibility.seesWholeCase(reader.role());
        return new CaseSheet(cut, whole, cut.report(), cut.steps(), cut.measures(), whole);
    }
}
