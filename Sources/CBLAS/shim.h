#ifndef DESCENT_CBLAS_SHIM_H
#define DESCENT_CBLAS_SHIM_H
#include <cblas.h>
#endif
