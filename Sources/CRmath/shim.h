/* R's standalone mathematical library (Debian: r-mathlib): the exact distribution
   functions R itself uses (pt, pnorm, pwilcox), for p-values identical to R's. */
#define MATHLIB_STANDALONE 1
#include <Rmath.h>
