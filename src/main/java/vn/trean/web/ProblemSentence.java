package vn.trean.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;

/** A refusal of the API told on a page in one sentence: the first field's fault, or the problem's detail. */
final class ProblemSentence {

    private ProblemSentence() {
    }

    /**
     * @param fieldLabels the message key prefix of the form's field names ("page.transfer.field."), so that the
     *                    sentence names the field; null when the form has one field only and its fault says enough
     */
    static String of(MessageSource messages, ApiProblem problem, String fieldLabels) {
        var locale = LocaleContextHolder.getLocale();
        if (problem instanceof InvalidFieldsProblem fields && !fields.violations().isEmpty()) {
            var v = fields.violations().get(0);
            String fault = messages.getMessage("field." + v.code(), v.args(), v.code(), locale);
            return fieldLabels == null ? fault
                    : messages.getMessage(fieldLabels + v.field(), null, v.field(), locale) + ": " + fault;
        }
        return messages.getMessage("problem." + problem.code() + ".detail", problem.args(), problem.code(), locale);
    }
}
