# logging writes to stderr, so stdout only has the prints.
import logging

logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("shop")
log.debug("debug message")
print("visible output")
log.warning("low stock: %d left", 3)
child = logging.getLogger("shop.cart")
child.setLevel(logging.ERROR)
child.info("hidden")
print(child.getEffectiveLevel(), log.getEffectiveLevel(), child.parent is log, logging.getLogger() is logging.root)
logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
print(logging.getLogger("sqlalchemy.engine").isEnabledFor(logging.INFO), logging.getLogger("app").level)
