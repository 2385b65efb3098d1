#ifndef DESCENT_CLAPACKE_SHIM_H
#define DESCENT_CLAPACKE_SHIM_H
#include <lapacke.h>
#endif
