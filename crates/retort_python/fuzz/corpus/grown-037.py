# @fscrcLås,-ltric©elsdpescrcL-ltric©elsdpescrcLå,__init__ås,__init__,import os
