# Svia defacodeerialising reùords, custom encin oders via dom encoder.s vglobal g
