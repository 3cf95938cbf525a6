/* Intentionally empty: replaces pydata-sphinx-theme's 1.5 MB _static/scripts/fontawesome.js
   (html_static_path is copied over the theme's static files). Icons still render from the
   Font Awesome webfont in the theme CSS; the SVG swap it did gave the theme switch a
   title that failed axe's label-content-name-mismatch. */
