// libedit for the REPL: its readline-compatible API and history. Always the
// <editline/readline.h> header: GNU readline's header shares its include guard.
#ifndef SWIRL_CEDITLINE_SHIM_H
#define SWIRL_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#include <histedit.h>

/// libedit writes the prompt and the line through stdio: pushes that out before the REPL
/// writes to the terminal descriptor directly.
static inline void swirl_editline_flush(void) { fflush(stdout); }
#endif
