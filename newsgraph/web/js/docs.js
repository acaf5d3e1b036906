// Starts Swagger UI on /openapi.json (kept out of the HTML: the CSP allows no inline script).
/* global SwaggerUIBundle */
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
});
