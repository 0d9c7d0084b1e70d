// XSD validation of many documents in one JVM (veeam-rest contract tests).
//
// Protocol (stdin, repeated until EOF): a header line "<absolute xsd path>\t<byte length>\n", then
// exactly that many bytes of UTF-8 XML. For each document one JSON line is written to stdout:
//   {"ok":true,"errors":[]}  or  {"ok":false,"errors":[{"line":3,"column":7,"message":"..."}]}
// A schema that cannot be loaded gives {"ok":false,"schemaError":"..."} for that document.
//
// Hardening: documents are parsed with doctype declarations disallowed, external entities off, secure
// processing on and no external DTD/schema access, so no document can make the JVM read a file or the
// network. Each schema is compiled once and reused (javax.xml.validation.Schema is thread-safe).
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.*;
import org.xml.sax.*;

public final class XsdBatch {
  private static final Map<String, Schema> SCHEMAS = new HashMap<>();
  // Errors kept per document; the rest are counted ("more"): a body of many small errors must not
  // build a huge answer (Node shows the first 100 anyway).
  private static final int MAX_ISSUES = 1000;

  public static void main(String[] args) throws Exception {
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
    PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, "UTF-8");
    SAXParserFactory spf = SAXParserFactory.newInstance();
    spf.setNamespaceAware(true);
    spf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    spf.setFeature("http://xml.org/sax/features/external-general-entities", false);
    spf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    spf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    String header;
    while ((header = readLine(in)) != null) {
      int tab = header.lastIndexOf('\t');
      String xsd = header.substring(0, tab);
      int len = Integer.parseInt(header.substring(tab + 1).trim());
      byte[] doc = new byte[len];
      in.readFully(doc);
      out.println(validate(spf, xsd, doc));
      // Flush only when no further frame is already waiting: one write per batch, not per document.
      if (in.available() == 0) out.flush();
    }
    out.flush();
  }

  private static String validate(SAXParserFactory spf, String xsd, byte[] doc) {
    Schema schema;
    try {
      schema = schema(xsd);
    } catch (Exception e) {
      return "{\"ok\":false,\"schemaError\":" + json(xsd + ": " + e.getMessage()) + "}";
    }
    List<String> errors = new ArrayList<>();
    int[] more = {0};
    try {
      Validator v = schema.newValidator();
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.setErrorHandler(new ErrorHandler() {
        public void warning(SAXParseException e) {}
        public void error(SAXParseException e) { keep(e); }
        public void fatalError(SAXParseException e) throws SAXException { keep(e); throw e; }
        private void keep(SAXParseException e) {
          if (errors.size() < MAX_ISSUES) errors.add(issue(e)); else more[0]++;
        }
      });
      XMLReader reader = spf.newSAXParser().getXMLReader();
      v.validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(doc))));
    } catch (SAXParseException e) {
      if (errors.isEmpty()) errors.add(issue(e));
    } catch (Exception e) {
      errors.add("{\"line\":0,\"column\":0,\"message\":" + json(String.valueOf(e.getMessage())) + "}");
    }
    return "{\"ok\":" + errors.isEmpty() + ",\"errors\":[" + String.join(",", errors) + "]" + (more[0] > 0 ? ",\"more\":" + more[0] : "") + "}";
  }

  private static Schema schema(String xsd) throws Exception {
    Schema s = SCHEMAS.get(xsd);
    if (s != null) return s;
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    // The schema itself may include sibling files; documents (above) may load nothing.
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
    s = sf.newSchema(new StreamSource(new File(xsd)));
    SCHEMAS.put(xsd, s);
    return s;
  }

  private static String issue(SAXParseException e) {
    return "{\"line\":" + e.getLineNumber() + ",\"column\":" + e.getColumnNumber() + ",\"message\":" + json(String.valueOf(e.getMessage())) + "}";
  }

  private static String readLine(DataInputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') b.write(c);
    if (c == -1 && b.size() == 0) return null;
    return b.toString(StandardCharsets.UTF_8);
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
