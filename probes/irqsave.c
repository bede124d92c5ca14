/* HAVE_IRQSAVE: local_irq_save/restore compile and link in a module (paravirt-safe on pv kernels). */
#include <linux/irqflags.h>
unsigned long dtp_irqsave(void);
unsigned long dtp_irqsave(void)
{
	unsigned long flags;

	local_irq_save(flags);
	local_irq_restore(flags);
	return flags;
}
