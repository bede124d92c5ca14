/* HAVE_PARAVIRT_IRQ: irq save/restore go through pv_ops (PARAVIRT_XXL), so only local_irq_save() is safe. */
#include <asm/paravirt.h>
int dtp_pv_irq(void);
int dtp_pv_irq(void) { return sizeof(pv_ops.irq.save_fl); }
