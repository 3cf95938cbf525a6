/* Intentionally empty: replaces pydata-sphinx-theme's 1.5 MB _static/scripts/fontawesome.js.
   Copied by html_extra_path (after the theme's static files), not html_static_path, because
   Sphinx applies exclude_patterns inside static folders and `scripts` is excluded there.
   Icons still render from the Font Awesome webfont in the theme CSS; the SVG swap it did
   gave the theme switch a title that failed axe's label-content-name-mismatch. */
