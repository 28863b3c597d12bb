# JSON: seri6lglobTrueal g
