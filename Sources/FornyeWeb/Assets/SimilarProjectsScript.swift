/// The project form's one script: it refills the "similar projects" panel while the author
/// writes. Served from `/assets/lignende.js` (the Content-Security-Policy allows same-origin
/// script files only: no inline script, no event-handler attributes, no `eval`). The form works
/// without it: the "Vis lignende prosjekter" button renders the same panel on the server.
enum SimilarProjectsScript {
    static let source = #"""
        // Fornye: similar projects while a project is written (progressive enhancement).
        (() => {
          "use strict";
          const wrapper = document.querySelector(".similar-live[data-similar-url]");
          const form = document.querySelector("form.project-form");
          if (!wrapper || !form || !window.fetch || !window.AbortController || !window.DOMParser) return;
          const panel = wrapper.querySelector("#lignende-panel");
          const status = wrapper.querySelector("#lignende-status");
          if (!panel || !status) return;
          const url = wrapper.getAttribute("data-similar-url");
          // The fields ProjectSearch.similar reads, and the form's CSRF token.
          const watched = new Set(["title", "summary", "problem", "targetGroup", "serviceArea", "solution",
            "innovationTypes", "sector", "stage"]);
          const minimum = 3;
          const delay = 700;
          let timer = 0;
          let controller = null;
          let last = null;

          const text = (name) => {
            const field = form.elements.namedItem(name);
            return field && typeof field.value === "string" ? field.value.trim() : "";
          };

          const draft = () => {
            const body = new URLSearchParams();
            for (const [name, value] of new FormData(form)) {
              if (typeof value === "string" && (watched.has(name) || name === "_csrf")) body.append(name, value);
            }
            return body;
          };

          const settle = () => {
            panel.removeAttribute("aria-busy");
            status.hidden = true;
          };

          const refresh = async () => {
            if (text("title").length < minimum && text("summary").length < minimum) return;
            const body = draft();
            const key = body.toString();
            if (key === last) return;
            const request = new AbortController();
            controller = request;
            panel.setAttribute("aria-busy", "true");
            status.hidden = false;
            try {
              const response = await fetch(url, {
                method: "POST", body, signal: request.signal, credentials: "same-origin",
                headers: { "Accept": "text/html" },
              });
              const type = response.headers.get("Content-Type") || "";
              // Signed out, token out of date, server trouble: keep what the panel shows.
              if (!response.ok || !type.startsWith("text/html")) return;
              const html = await response.text();
              if (request.signal.aborted) return;
              const parsed = new DOMParser().parseFromString(html, "text/html");
              last = key;
              // Only a changed list is put in, so a screen reader does not hear the same one again.
              if (parsed.body.innerHTML.trim() !== panel.innerHTML.trim()) {
                panel.replaceChildren(...parsed.body.childNodes);
              }
            } catch (error) {
              // A network error, or a newer keystroke overtook the request: the panel stays as it was.
            } finally {
              if (controller === request) {
                controller = null;
                settle();
              }
            }
          };

          const schedule = (event) => {
            if (!event.target || !watched.has(event.target.name)) return;
            if (controller) {
              controller.abort();
              controller = null;
              settle();
            }
            clearTimeout(timer);
            timer = setTimeout(refresh, delay);
          };

          form.addEventListener("input", schedule);
          form.addEventListener("change", schedule);
        })();

        """#
}
