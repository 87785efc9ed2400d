/**
 * @file kik/kik.h
 * @brief libkik: tracking the measures of a municipal action plan.
 *
 * Includes every public header of the library.
 */
#ifndef KIK_KIK_H
#define KIK_KIK_H

#include "kik/common.h"
#include "kik/plan.h"
#include "kik/io.h"
#include "kik/summary.h"
#include "kik/task.h"
#include "kik/rules.h"
#include "kik/check.h"
#include "kik/diff.h"
#include "kik/report.h"
#include "kik/content.h"
#if KIK_HAS_STORE
#include "kik/store.h"
#endif

#endif
