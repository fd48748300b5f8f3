#ifndef CASEAUDIT_CLIBXML2_SHIM_H
#define CASEAUDIT_CLIBXML2_SHIM_H

/* Debian's xmlversion.h enables ICU, which makes encoding.h pull in the system ICU
   headers; those clash with Foundation's own ICU module ("'UErrorCode' has different
   definitions"). We never use libxml2's ICU converters, so switch the flag off before
   anything else is included. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/c14n.h>
#include <libxml/globals.h>

/* xmlFree is a mutable global function pointer, which Swift 6 will not touch. */
static inline void caseaudit_xml_free(void *pointer) { xmlFree(pointer); }

/* Swift cannot implement a variadic C callback, so the sink for libxml2's
   unstructured messages lives here. Everything we report comes through the
   structured handlers instead. */
static void caseaudit_silent_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/* The generic handler is per thread in libxml2 2.9: set it for this thread and as the
   default for threads started later. */
static inline void caseaudit_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, caseaudit_silent_generic_error);
    xmlThrDefSetGenericErrorFunc(NULL, caseaudit_silent_generic_error);
}

#endif
