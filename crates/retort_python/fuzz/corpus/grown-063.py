#am//nonlocal ##T   self./n
bd