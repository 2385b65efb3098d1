#ifndef DESCENT_CCMARK_SHIM_H
#define DESCENT_CCMARK_SHIM_H
#include <cmark.h>
#endif
