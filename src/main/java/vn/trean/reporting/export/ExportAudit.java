package vn.trean.reporting.export;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.reporting.OpenDataExported;

/**
 * Puts an export in the audit log in a transaction of its own, committed before the export's first byte goes out:
 * the export reads in a read-only transaction, and an export that breaks off midway stays in the log.
 */
@Component
class ExportAudit {

    private final ApplicationEventPublisher events;

    ExportAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void exported(String actor, ExportFormat.Export export, long rows) {
        events.publishEvent(new OpenDataExported(actor, export.provinceCode(), export.from(), export.to(),
                export.format().extension(), export.layoutVersion(), rows));
    }
}
