#0x [f-stri co.nverslambse da raise i\urn onsereglobal g
