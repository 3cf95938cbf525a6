"""nbgrader starts here: every command and formgrader run from the repository root.

nbgrader reads ``nbgrader_config.py`` from the folder it is started in. This one only loads
the course's own configuration, ``exercises/nbgrader_config.py``, which sets the course
directory (as an absolute path), the gradebook and the exchange. So both of these work:

    cd <repository root> && nbgrader autograde 01-relationship-selling
    cd <repository root>/exercises && nbgrader autograde 01-relationship-selling
"""

import os

c = get_config()  # noqa: F821  (provided by traitlets when nbgrader loads this file)
HERE = os.path.dirname(os.path.abspath(__file__))
load_subconfig(os.path.join(HERE, "exercises", "nbgrader_config.py"))  # noqa: F821
