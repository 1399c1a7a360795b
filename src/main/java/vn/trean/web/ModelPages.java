package vn.trean.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.trean.modeling.ModelCatalog;
import vn.trean.modeling.ModelDrafts;
import vn.trean.problem.FindingsProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.workflow.ModelDiff;
import vn.trean.workflow.ProcessModels;

/**
 * The process owners' models page: every version with who deployed it, when and why and the cases on
 * it; rolling back; uploading and deploying files; migrating running cases between versions of the
 * case process; and the editor of one model. Every action goes through ModelCatalog, which refuses
 * anyone but a process owner or administrator (the same 403 page as elsewhere).
 */
@Controller
class ModelPages {

    /** The process whose running cases the page migrates: the one with cases on it. */
    static final String CASE_PROCESS = "case_intervention";

    private final ModelCatalog catalog;
    private final ModelDrafts drafts;
    private final MessageSource messages;
    private final ObjectMapper json;

    ModelPages(ModelCatalog catalog, ModelDrafts drafts, MessageSource messages, ObjectMapper json) {
        this.catalog = catalog;
        this.drafts = drafts;
        this.messages = messages;
        this.json = json;
    }

    /** The versions of one model, newest first. */
    record ModelGroup(String kind, String key, List<ModelCatalog.Version> versions) {
    }

    /** A model file as the list shows it: by the name the model gives itself, the file name beside it. */
    record ModelFile(String resource, String title) {
    }

    /**
     * The names models give themselves, by key (= file name without its extension): a process's or a
     * decision's name from its latest version; a form, which has no name of its own, by its step's name.
     */
    private Map<String, String> titles(List<ModelCatalog.Version> versions) {
        var locale = LocaleContextHolder.getLocale();
        Map<String, String> titles = new LinkedHashMap<>();
        for (ModelCatalog.Version v : versions) {
            String title = v.model().kind().equals("FORM")
                    ? messages.getMessage("page.step." + v.model().key(), null, v.model().key(), locale)
                    : v.model().name();
            if (title != null && !title.isBlank()) {
                titles.putIfAbsent(v.model().key(), title);
            }
        }
        return titles;
    }

    private static int kindOrder(String resource) {
        return resource.endsWith(".bpmn") ? 0 : resource.endsWith(".dmn") ? 1 : 2;
    }

    @GetMapping("/models")
    String models(@RequestParam(required = false) String source, @RequestParam(required = false) String target,
                  Model model) {
        List<ModelCatalog.Version> versions = catalog.versions();
        Map<String, ModelGroup> groups = new LinkedHashMap<>();
        for (ModelCatalog.Version v : versions) {
            groups.computeIfAbsent(v.model().kind() + "/" + v.model().key(),
                    k -> new ModelGroup(v.model().kind(), v.model().key(), new ArrayList<>())).versions().add(v);
        }
        List<ProcessModels.ModelVersion> caseVersions = versions.stream().map(ModelCatalog.Version::model)
                .filter(v -> v.kind().equals("PROCESS") && v.key().equals(CASE_PROCESS)).toList();
        // processes first: they are what process owners change most and what cases run on
        model.addAttribute("groups", groups.values().stream()
                .sorted(java.util.Comparator.comparingInt(g -> List.of("PROCESS", "DECISION", "FORM").indexOf(g.kind())))
                .toList());
        Map<String, String> titles = titles(versions);
        model.addAttribute("titles", titles);
        model.addAttribute("resources", catalog.resourceNames().stream()
                .map(resource -> new ModelFile(resource, titles.getOrDefault(resource.replaceFirst("\\.[a-z]+$", ""),
                        resource)))
                .sorted(java.util.Comparator.comparing((ModelFile f) -> kindOrder(f.resource()))
                        .thenComparing(ModelFile::title, java.text.Collator.getInstance(Locale.forLanguageTag("vi"))))
                .toList());
        model.addAttribute("drafts", drafts.list());
        model.addAttribute("caseVersions", caseVersions);
        model.addAttribute("source", source);
        model.addAttribute("target", target);
        return "models";
    }

    @PostMapping("/models/rollback")
    String rollBack(@RequestParam String deploymentId, @RequestParam(required = false) String note,
                    RedirectAttributes redirect) {
        try {
            var deployed = catalog.redeploy(deploymentId, note);
            redirect.addFlashAttribute("notice", text("page.models.rolled-back", deployed.deploymentId()));
        } catch (InvalidFieldsProblem e) {
            redirect.addFlashAttribute("problem", text("page.models.note-required"));
        }
        return "redirect:/models";
    }

    @PostMapping("/models/deploy")
    String deploy(@RequestParam(value = "files", required = false) List<MultipartFile> files,
                  @RequestParam(required = false) String note, Model model, RedirectAttributes redirect)
            throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (!file.isEmpty()) {
                String name = file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename();
                resources.put(name.replaceAll(".*[/\\\\]", ""), file.getBytes());
            }
        }
        try {
            var deployed = catalog.deploy(resources, note);
            redirect.addFlashAttribute("notice", text("page.models.deployed", deployed.deploymentId()));
            return "redirect:/models";
        } catch (InvalidFieldsProblem e) {
            boolean noNote = e.violations().stream().anyMatch(v -> v.field().equals("note"));
            model.addAttribute("problem", text(noNote ? "page.models.note-required" : "page.models.files-required"));
        } catch (FindingsProblem refused) {
            model.addAttribute("problem", text("page.models.refused"));
            model.addAttribute("findings", rendered(refused));
        }
        return models(null, null, model);
    }

    @PostMapping("/models/migration/preview")
    String preview(@RequestParam String source, @RequestParam String target, Model model) {
        model.addAttribute("preview", catalog.previewMigration(source, target, List.of()));
        return models(source, target, model);
    }

    @PostMapping("/models/migration")
    String migrate(@RequestParam String source, @RequestParam String target,
                   @RequestParam(value = "instance", required = false) List<String> instances, Model model) {
        List<String> chosen = instances == null ? List.of() : instances;
        if (chosen.isEmpty()) {
            model.addAttribute("problem", text("page.models.migration.none-chosen"));
            model.addAttribute("preview", catalog.previewMigration(source, target, List.of()));
            return models(source, target, model);
        }
        var started = catalog.migrate(source, target, chosen);
        model.addAttribute("started", started);
        model.addAttribute("result", catalog.migrationResult(started.batchId(), chosen));
        model.addAttribute("chosen", String.join(",", chosen));
        return models(source, target, model);
    }

    @GetMapping("/models/migration/result")
    String result(@RequestParam(required = false) String batch, @RequestParam String cases,
                  @RequestParam String source, @RequestParam String target, Model model) {
        List<String> chosen = List.of(cases.split(","));
        model.addAttribute("result", catalog.migrationResult(batch, chosen));
        model.addAttribute("chosen", cases);
        return models(source, target, model);
    }

    @GetMapping("/models/edit/{resource}")
    String edit(@PathVariable String resource, Model model) throws JsonProcessingException {
        drafts.load(resource);
        model.addAttribute("resource", resource);
        model.addAttribute("texts", json.writeValueAsString(editorTexts()));
        return "model-editor";
    }

    /** The editor script's words, from the message bundles. */
    private Map<String, String> editorTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : new String[] {"saved", "draftLoaded", "noChanges", "valid", "findings", "deployed", "failed",
                "schemaVersion", "deploying"}) {
            texts.put(key, text("page.editor.js." + key));
        }
        for (ModelDiff.Kind kind : ModelDiff.Kind.values()) {
            texts.put("change." + kind.name(), text("page.editor.change." + kind.name()));
        }
        return texts;
    }

    record Finding(String resource, String elementId, String message) {
    }

    private List<Finding> rendered(FindingsProblem refused) {
        Locale locale = LocaleContextHolder.getLocale();
        return refused.findings().stream().map(f -> new Finding(f.resource(), f.elementId(),
                messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale))).toList();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
