/* Run-time version of the library. */
#include "internal.h"

const char *kik_version(void)
{
	return KIK_VERSION;
}

int kik_version_number(void)
{
	return KIK_VERSION_NUMBER;
}
