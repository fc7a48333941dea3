#ifndef LEDE_CLIBXML2_SHIM_H
#define LEDE_CLIBXML2_SHIM_H
// libxml2 for lede's web reader: the HTML parser for pages, the XML parser for feeds.
// Everything that touches the parser's global state is here, so that the Swift side cannot forget it.
// Debian's libxml2 is built with ICU, and its encoding.h then includes ICU's headers, which clash
// with the ICU that Foundation carries (two definitions of UErrorCode). lede never uses libxml2's
// ICU converters (it hands the parser UTF-8), so the ICU part of the headers is switched off;
// the only struct it changes (xmlCharEncodingHandler) is never touched from Swift.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <string.h>
#include <zlib.h>

/// Inflates gzip data into out (capacity cap). Returns the bytes written, or -1 on bad data or
/// when the output would exceed cap.
static inline long lede_gunzip(const unsigned char *in, unsigned long n, unsigned char *out, unsigned long cap) {
  z_stream s;
  memset(&s, 0, sizeof s);
  if (inflateInit2(&s, 16 + MAX_WBITS) != Z_OK) return -1;
  s.next_in = (unsigned char *)in;
  s.avail_in = (uInt)n;
  s.next_out = out;
  s.avail_out = (uInt)cap;
  int rc = inflate(&s, Z_FINISH);
  long written = (long)s.total_out;
  inflateEnd(&s);
  return rc == Z_STREAM_END ? written : -1;
}
#include <strings.h>

/// Never load anything from outside the input: every external entity, DTD or XInclude resolves
/// to nothing (no file, no network).
static xmlParserInputPtr lede_no_external_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
  (void)url; (void)id; (void)ctxt;
  return NULL;
}

/// Errors are not printed (the page is untrusted and the terminal is ours).
static void lede_silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void lede_silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }

/// Sets libxml2's global state once: no external loading, no entity substitution, no DTD
/// loading, no printed errors. Safe to call more than once.
static inline void lede_xml_setup(void) {
  xmlInitParser();
  xmlSetExternalEntityLoader(lede_no_external_loader);
  xmlSetGenericErrorFunc(NULL, lede_silent_error);
  xmlSetStructuredErrorFunc(NULL, lede_silent_structured);
}

/// Options for an untrusted HTML page: recover from anything, never touch the network, print
/// nothing, no implied <html><body> fuss.
static inline int lede_html_options(void) {
  return HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
      | HTML_PARSE_COMPACT;
}

/// Options for an untrusted feed: recover, no network, no DTD loading or validation, entities
/// left unexpanded (no XML_PARSE_NOENT: no billion laughs), no XInclude, no huge-input mode
/// (libxml2's own depth and size limits stay on).
static inline int lede_xml_options(void) {
  return XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
      | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
}

static inline htmlDocPtr lede_html_read(const char *bytes, int size) {
  lede_xml_setup();
  return htmlReadMemory(bytes, size, NULL, "UTF-8", lede_html_options());
}

static inline xmlDocPtr lede_xml_read(const char *bytes, int size) {
  lede_xml_setup();
  return xmlReadMemory(bytes, size, NULL, "UTF-8", lede_xml_options());
}

static inline int lede_node_type(xmlNodePtr n) { return (int)n->type; }

/// The value of an attribute (ASCII case-insensitive name) without copying: the text of its first
/// child, or NULL when absent. Valid while the document lives.
static inline const char *lede_attr(xmlNodePtr n, const char *name) {
  for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
    if (a->name != NULL && strcasecmp((const char *)a->name, name) == 0) {
      if (a->children != NULL && a->children->content != NULL) return (const char *)a->children->content;
      return "";
    }
  }
  return NULL;
}

static inline const char *lede_name(xmlNodePtr n) { return n->name ? (const char *)n->name : ""; }
static inline const char *lede_content(xmlNodePtr n) { return n->content ? (const char *)n->content : ""; }
static inline void lede_free_doc(xmlDocPtr d) { if (d) xmlFreeDoc(d); }
#endif
