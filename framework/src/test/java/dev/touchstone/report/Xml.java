package dev.touchstone.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** Strict, namespace-aware parsing of the generated documents with the JDK's XML parser. */
final class Xml {

    private Xml() {
    }

    static Document parse(String document) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void warning(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(document)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + document, e);
        }
    }

    /** All elements with this local name, in document order. */
    static List<Element> all(Node root, String localName) {
        NodeList nodes = root instanceof Document d
                ? d.getElementsByTagNameNS("*", localName)
                : ((Element) root).getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** Elements with this local name whose class attribute contains {@code cssClass} as a token. */
    static List<Element> withClass(Node root, String localName, String cssClass) {
        return all(root, localName).stream().filter(e -> hasClass(e, cssClass)).toList();
    }

    static Element one(Node root, String localName, String cssClass) {
        List<Element> found = withClass(root, localName, cssClass);
        if (found.size() != 1) {
            throw new AssertionError("expected one <" + localName + " class=" + cssClass + "> but found " + found.size());
        }
        return found.get(0);
    }

    static boolean hasClass(Element e, String cssClass) {
        return Arrays.asList(e.getAttribute("class").split("\\s+")).contains(cssClass);
    }

    static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    /** Direct child elements with this local name. */
    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getLocalName().equals(localName)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every element's local name in the document. */
    static List<String> elementNames(Document d) {
        return all(d, "*").stream().map(Element::getLocalName).toList();
    }
}
