package vn.trean.workflow.model;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import vn.trean.workflow.ModelFinding;

/**
 * A model may not run code of its own: a process owner may deploy, but may not read what a case
 * worker may not (a child's record) nor change what the audit keeps. So BPMN and DMN files are read as
 * plain XML, every element and attribute, whatever namespace it uses (the engine also reads the older
 * {@code activiti:} names), and refused when they hold
 * <ul>
 *   <li>a script: script tasks, {@code camunda:script} in listeners and input/output parameters,
 *       conditions with a script {@code language}, DMN expressions in a language other than FEEL or JUEL;</li>
 *   <li>a Java class ({@code camunda:class}, {@code variableMappingClass}, a custom form-field validator);</li>
 *   <li>a delegate expression other than {@code ${oneOfTheProjectsDelegates}};</li>
 *   <li>an expression that does more than {@link ModelExpressions} allows;</li>
 *   <li>something outside the deployment: {@code camunda:resource}, a DOCTYPE (external entities), a
 *       {@code camunda:formKey} (embedded and external forms run their own script in the Tasklist; the
 *       project binds Camunda Forms with {@code formRef}), a connector (HTTP calls from the server), an
 *       external task (a worker outside the app would do the step, around the case file).</li>
 * </ul>
 * Each finding names the element it is about, or the nearest enclosing element with an id.
 */
final class CodeRules {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final Pattern DELEGATE = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");
    private static final Set<String> DMN_EXPRESSIONS = Set.of("inputExpression", "inputEntry", "outputEntry",
            "literalExpression");
    private static final int SHOWN = 200;

    private final ModelExpressions expressions;
    private final Set<String> delegates;

    CodeRules(ModelExpressions expressions, Set<String> delegates) {
        this.expressions = expressions;
        this.delegates = new TreeSet<>(delegates);
    }

    /** @throws IllegalArgumentException when the file is no XML: nothing of it may be deployed then */
    List<ModelFinding> checkBpmn(String resource, byte[] bytes) {
        return check(resource, bytes, false);
    }

    List<ModelFinding> checkDmn(String resource, byte[] bytes) {
        return check(resource, bytes, true);
    }

    private List<ModelFinding> check(String resource, byte[] bytes, boolean dmn) {
        Set<ModelFinding> findings = new LinkedHashSet<>();
        if (new String(bytes, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            findings.add(new ModelFinding(resource, null, "external-resource", List.of(resource, "<!DOCTYPE>")));
            return List.copyOf(findings);
        }
        Element root = parse(bytes);
        new Scan(resource, dmn, root, findings).element(root);
        return new ArrayList<>(findings);
    }

    private static Element parse(byte[] bytes) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e; // instead of printing to stderr
                }
            });
            return builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** One file's walk. */
    private final class Scan {
        private final String resource;
        private final boolean dmn;
        private final Element root;
        private final Set<ModelFinding> findings;

        Scan(String resource, boolean dmn, Element root, Set<ModelFinding> findings) {
            this.resource = resource;
            this.dmn = dmn;
            this.root = root;
            this.findings = findings;
        }

        void element(Element e) {
            String name = e.getLocalName();
            boolean extension = isExtension(e.getNamespaceURI());
            if ("script".equals(name) || "scriptTask".equals(name)) {
                String what = "script".equals(name) && e.getParentNode() instanceof Element parent ? describe(parent) : describe(e);
                add(e, "script", what);
            } else if (extension && "connector".equals(name)) {
                add(e, "connector");
            } else if (extension && "constraint".equals(name) && "validator".equals(e.getAttribute("name"))) {
                add(e, "custom-validator", e.getAttribute("config"));
            }
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                attribute(e, (Attr) attributes.item(i), extension);
            }
            if (dmn && DMN_EXPRESSIONS.contains(name) && !extension) {
                dmnExpression(e);
            } else if (!dmn && !isProse(e)) {
                String text = ownText(e);
                if (ModelExpressions.isExpression(text)) {
                    expression(e, text);
                }
            }
            for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element c) {
                    element(c);
                }
            }
        }

        private void attribute(Element e, Attr attribute, boolean onExtensionElement) {
            String ns = attribute.getNamespaceURI();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) || XSI.equals(ns)) {
                return;
            }
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            boolean extension = ns == null ? onExtensionElement : isExtension(ns);
            if (extension && (name.equals("class") || name.endsWith("Class"))) {
                add(e, "java-class", value);
                return;
            }
            if (extension && (name.equals("delegateExpression") || name.endsWith("DelegateExpression"))) {
                Matcher delegate = DELEGATE.matcher(value);
                if (!delegate.matches() || !delegates.contains(delegate.group(1))) {
                    add(e, "delegate-not-allowed", shorten(value), String.join(", ", delegates));
                }
                return;
            }
            if (extension && name.equals("resource")) {
                add(e, "external-resource", value);
                return;
            }
            if (extension && name.equals("formKey")) {
                add(e, "form-key", value);
                return;
            }
            if (extension && name.equals("type") && "external".equals(value.trim())) {
                add(e, "external-task");
                return;
            }
            if (!extension && !dmn && (name.equals("language") || name.equals("expressionLanguage"))
                    && !value.isBlank() && !isXPath(value)) {
                add(e, "script-language", value);
                return;
            }
            if (!dmn && ModelExpressions.isExpression(value)) {
                expression(e, value);
            }
        }

        /** A DMN expression runs in its own language, else the file's, else the engine's default, FEEL. */
        private void dmnExpression(Element e) {
            String language = e.getAttribute("expressionLanguage");
            if (language.isBlank()) {
                language = root.getAttribute("expressionLanguage");
            }
            if (language.isBlank() || isFeel(language)) {
                return;
            }
            if (!"juel".equalsIgnoreCase(language.trim())) {
                add(e, "script-language", language);
                return;
            }
            for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element text && "text".equals(text.getLocalName())) {
                    String body = ownText(text).trim();
                    if (!body.isEmpty()) {
                        // the DMN engine wraps a JUEL text without ${…} the same way
                        expression(e, ModelExpressions.isExpression(body) ? body : "${" + body + "}");
                    }
                }
            }
        }

        private void expression(Element e, String text) {
            try {
                List<String> parts = expressions.disallowedParts(text);
                if (!parts.isEmpty()) {
                    add(e, "expression-not-allowed", shorten(text), String.join(", ", parts.subList(0, Math.min(parts.size(), 8))));
                }
            } catch (IllegalArgumentException unparsable) {
                add(e, "expression-invalid", shorten(text));
            }
        }

        private void add(Element e, String code, String... details) {
            Element owner = e;
            while (owner != null && owner.getAttribute("id").isBlank()) {
                owner = owner.getParentNode() instanceof Element parent ? parent : null;
            }
            String id = owner == null ? null : owner.getAttribute("id");
            List<String> args = new ArrayList<>();
            args.add(owner == null ? resource : label(owner));
            args.addAll(List.of(details));
            findings.add(new ModelFinding(resource, id, code, args));
        }
    }

    /** The Camunda (and older Activiti) extension namespaces; anything that is not BPMN or DMN itself. */
    private static boolean isExtension(String ns) {
        return ns != null && !BPMN.equals(ns) && !ns.startsWith("https://www.omg.org/spec/DMN/")
                && !ns.startsWith("http://www.omg.org/spec/DMN/") && !ns.startsWith("http://www.omg.org/spec/BPMN/")
                && !ns.startsWith("http://www.omg.org/spec/DD/");
    }

    /** Documentation and annotations are read by people, never evaluated. */
    private static boolean isProse(Element e) {
        String name = e.getLocalName();
        return "documentation".equals(name) || "description".equals(name)
                || ("text".equals(name) && e.getParentNode() instanceof Element p && "textAnnotation".equals(p.getLocalName()));
    }

    private static boolean isFeel(String language) {
        String l = language.trim().toLowerCase(Locale.ROOT);
        return l.equals("feel") || (l.contains("omg.org/spec/") && l.contains("feel"));
    }

    /** BPMN's default expression language, which Camunda ignores and Modeler may write. */
    private static boolean isXPath(String language) {
        return "http://www.w3.org/1999/XPath".equals(language.trim());
    }

    private static String ownText(Element e) {
        StringBuilder text = new StringBuilder();
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    private static String describe(Element e) {
        String name = e.getAttribute("name");
        return name.isBlank() ? e.getLocalName() : e.getLocalName() + " \"" + name + "\"";
    }

    private static String label(Element e) {
        String name = e.getAttribute("name");
        String id = e.getAttribute("id");
        return name.isBlank() ? id : name + " (" + id + ")";
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > SHOWN ? t.substring(0, SHOWN) + "…" : t;
    }
}
