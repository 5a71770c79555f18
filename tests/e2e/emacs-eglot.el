;;; emacs-eglot.el --- End-to-end test of `aiprov lsp' in Emacs + eglot  -*- lexical-binding: t -*-

;; Run headless by run-editor-test.py:
;;
;;   emacs --batch -l emacs-eglot.el
;;
;; Environment (set by the driver): AIPROV_E2E_SERVER (the aiprov binary),
;; AIPROV_E2E_ROOT (a private copy of examples/eval-repo), AIPROV_E2E_LOG
;; (the server's --log file).  Results go to stdout (`princ' in batch);
;; exit status 0 on success, 1 on any failure, after printing why.
;;
;; Everything goes through eglot's own machinery: eglot starts the server,
;; sends didOpen/didChange from the buffer's change hooks, feeds flymake,
;; asks for code actions, runs the command and applies the server's
;; workspace/applyEdit.  The test only edits the buffer, waits and looks.
;; It waits by polling for the publish that answers the buffer's current
;; version, never by sleeping: a publish for an older text proves nothing.

(require 'package)
(package-initialize)                    ; elpa-eglot lives in site-lisp/elpa
(require 'cl-lib)
(require 'eglot)
(require 'flymake)

(defvar e2e-root (or (getenv "AIPROV_E2E_ROOT") (error "AIPROV_E2E_ROOT not set")))
(defvar e2e-server (or (getenv "AIPROV_E2E_SERVER") (error "AIPROV_E2E_SERVER not set")))
(defvar e2e-log (or (getenv "AIPROV_E2E_LOG") (error "AIPROV_E2E_LOG not set")))
(defvar e2e-file (expand-file-name "evals/tasks/arithmetic_task.cpp" e2e-root))
(defvar e2e-timeout 10.0 "Seconds to wait for any one thing from the server.")

(setq eglot-server-programs `((c++-mode . (,e2e-server "lsp" "--log" ,e2e-log))))
;; Batch Emacs has no user to answer "Server wants to edit ... Proceed?".
(setq eglot-confirm-server-initiated-edits nil)
(setq eglot-sync-connect e2e-timeout)

(define-error 'e2e-failure "e2e failure")

(defun e2e-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun e2e-fail (fmt &rest args)
  (signal 'e2e-failure (list (apply #'format fmt args))))

(defmacro e2e-check (cond fmt &rest args)
  `(unless ,cond (e2e-fail ,fmt ,@args)))

;; What the server last published for the file, as sent (eglot turns it
;; into flymake diagnostics; the raw payload keeps the version).
(defvar e2e-published nil "(:version V :diagnostics VECTOR) of the last publish.")

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri version diagnostics
           &allow-other-keys)
  (when (equal (expand-file-name (eglot--uri-to-path uri)) e2e-file)
    (setq e2e-published (list :version version :diagnostics diagnostics))))

;; Every workspace/applyEdit the server sends (eglot's own method applies it).
(defvar e2e-apply-edits nil)
(cl-defmethod eglot-handle-request :before
  (_server (_method (eql workspace/applyEdit)) &rest params)
  (push params e2e-apply-edits))

(defun e2e-wait (what pred)
  "Poll PRED while reading the server's output, for up to `e2e-timeout'."
  (let ((deadline (+ (float-time) e2e-timeout)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (e2e-check (funcall pred) "%s: timed out after %ss" what e2e-timeout)))

(defun e2e-sync-and-wait (what)
  "Send pending changes and wait for the publish of the current version.
Eglot sends didChange from an idle timer (`eglot-send-changes-idle-time')
or before its next request; batch Emacs is never idle, so send them as
that timer would.  Then give flymake what eglot stored, as its own
`flymake-no-changes-timeout' timer would."
  (eglot--signal-textDocument/didChange)
  (e2e-wait (format "%s: publishDiagnostics for version %s" what eglot--versioned-identifier)
            (lambda () (equal (plist-get e2e-published :version) eglot--versioned-identifier)))
  (flymake-start)
  (append (plist-get e2e-published :diagnostics) nil))

(defun e2e-line (lsp-diag)
  (plist-get (plist-get (plist-get lsp-diag :range) :start) :line))

(defun e2e-with-code (diags code)
  "The raw diagnostics with CODE, by line."
  (sort (cl-remove-if-not (lambda (d) (equal (plist-get d :code) code)) diags)
        (lambda (a b) (< (e2e-line a) (e2e-line b)))))

(defun e2e-shown (line)
  "What flymake shows on 0-based LINE: ((TYPE . LSP-CODE) ...)."
  (save-excursion
    (goto-char (point-min))
    (forward-line line)
    (mapcar (lambda (d)
              (cons (flymake-diagnostic-type d)
                    (plist-get (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))) :code)))
            (flymake-diagnostics (line-beginning-position) (line-end-position)))))

(defun e2e-check-shown (line code what)
  "Flymake (what the user sees) shows an error with CODE on 0-based LINE."
  (e2e-check (member (cons 'eglot-error code) (e2e-shown line))
             "%s: flymake shows no %s error on line %d; it shows %S"
             what code line (e2e-shown line)))

(defun e2e-lines ()
  (split-string (buffer-substring-no-properties (point-min) (point-max)) "\n"))

(defun e2e-goto-line (line)
  (goto-char (point-min))
  (forward-line line))

(defun e2e-main ()
  ;; Open the eval task; auto-mode-alist gives c++-mode.
  (find-file e2e-file)
  (e2e-check (eq major-mode 'c++-mode) "not in c++-mode: %s" major-mode)
  (let ((original (e2e-lines)))
    ;; 20 lines and the final newline's empty string.
    (e2e-check (= (length original) 21) "the example file changed: %d lines" (length original)))
  (apply #'eglot (eglot--guess-contact))
  (e2e-check (and (eglot-current-server) eglot--managed-mode) "eglot is not managing the buffer")
  (e2e-check (equal (file-name-as-directory (project-root (eglot--project (eglot-current-server))))
                    (file-name-as-directory e2e-root))
             "eglot's project is %s, not the copy %s"
             (project-root (eglot--project (eglot-current-server))) e2e-root)

  ;; (1) The begin/end region of lines 11-16 is forbidden in evals/tasks/**,
  ;; reported at its directive: line 10, 0-based.
  (let* ((diags (e2e-sync-and-wait "open"))
         (forbidden (e2e-with-code diags "aiprov-forbidden-region"))
         (first (car forbidden)))
    (e2e-check (and first (= (e2e-line first) 10))
               "open: expected aiprov-forbidden-region at line 10 first, got %S" forbidden)
    (e2e-check (and (equal (plist-get first :severity) 1) (equal (plist-get first :source) "aiprov"))
               "open: not an aiprov error: %S" first)
    (e2e-check (null (e2e-with-code diags "aiprov-unknown-paste"))
               "open: unexpected aiprov-unknown-paste: %S" diags)
    (e2e-check-shown 10 "aiprov-forbidden-region" "open")
    (e2e-out "ok 1 - open: aiprov-forbidden-region error at line 10"))

  ;; (2) A normal edit above the region: 2 lines in one insertion (fewer
  ;; than paste-min-lines: 3, so no paste).  The finding moves to line 12.
  (e2e-goto-line 1)
  (insert "// A note typed by a human.\n// Another one.\n")
  (let* ((diags (e2e-sync-and-wait "edit above"))
         (forbidden (e2e-with-code diags "aiprov-forbidden-region")))
    (e2e-check (equal (mapcar #'e2e-line forbidden) '(12 20))
               "edit above: expected aiprov-forbidden-region on lines 12 and 20, got %S" forbidden)
    (e2e-check (null (e2e-with-code diags "aiprov-unknown-paste"))
               "edit above: a 2-line edit was taken for a paste: %S" diags)
    (e2e-check-shown 12 "aiprov-forbidden-region" "edit above")
    (e2e-check (null (e2e-shown 10)) "edit above: still shown on line 10: %S" (e2e-shown 10))
    (e2e-out "ok 2 - edit above: the finding moved to line 12"))

  ;; (3) Paste 10 lines in ONE insertion (as `yank' does) before
  ;; `std::string Task::prompt', now line 5, with no aiprov/didPaste
  ;; notice: an unknown paste, an error in evals/tasks/**, at its first line.
  (e2e-goto-line 5)
  (e2e-check (looking-at-p "std::string Task::prompt() const {$")
             "paste: line 5 is not Task::prompt: %S"
             (buffer-substring-no-properties (point) (line-end-position)))
  (insert (mapconcat (lambda (l) (concat l "\n"))
                     '("static int clampScore(int raw) {"
                       "  int score = raw * 2;"
                       "  score += 3;"
                       "  score -= 1;"
                       "  if (score > 10)"
                       "    score = 10;"
                       "  if (score < 0)"
                       "    score = 0;"
                       "  return score;"
                       "} // clampScore")
                     ""))
  (let* ((diags (e2e-sync-and-wait "paste"))
         (pastes (e2e-with-code diags "aiprov-unknown-paste"))
         (paste (car pastes)))
    (e2e-check (= (length pastes) 1) "paste: expected one aiprov-unknown-paste, got %S" diags)
    (e2e-check (and (= (e2e-line paste) 5) (equal (plist-get paste :severity) 1))
               "paste: expected an error at line 5 (the first pasted line): %S" paste)
    (let ((end (plist-get (plist-get (plist-get paste :range) :end) :line)))
      (e2e-check (<= 5 end 14) "paste: the diagnostic runs outside the pasted lines 5-14: %S" paste))
    (e2e-check-shown 5 "aiprov-unknown-paste" "paste")
    (e2e-check (equal (mapcar #'e2e-line (e2e-with-code diags "aiprov-forbidden-region")) '(22 30))
               "paste: expected aiprov-forbidden-region on lines 22 and 30: %S" diags)
    ;; The server's own view (aiprov/regions): exactly the pasted lines.
    (let* ((result (jsonrpc-request (eglot-current-server) :aiprov/regions
                                    (list :textDocument (eglot--TextDocumentIdentifier))))
           (regions (cl-remove-if-not (lambda (r) (eq (plist-get r :unknownPaste) t))
                                      (append (plist-get result :regions) nil)))
           (range (plist-get (car regions) :range)))
      (e2e-check (and (= (length regions) 1)
                      (equal (plist-get (plist-get range :start) :line) 5)
                      (equal (plist-get (plist-get range :end) :line) 14)
                      (equal (plist-get (car regions) :lineCount) 10))
                 "paste: expected one unknown-paste region on lines 5-14: %S" regions))
    (e2e-out "ok 3 - paste: aiprov-unknown-paste error at the pasted lines 5-14"))

  ;; (4) Code action, eglot's own path: point on the region's directive
  ;; (line 22), list what is offered, then `eglot-code-actions' with the
  ;; kind, as `M-x eglot-code-actions' with a prefix does: it sends the
  ;; line's flymake diagnostics as context, runs the command, and eglot
  ;; applies the workspace/applyEdit the server sends back.
  (e2e-goto-line 22)
  (forward-char 4)
  (let ((before (e2e-lines)))
    (e2e-check (and (equal (nth 22 before)
                           "  // aiprov: begin tool=claude-code model=claude-sonnet-4 origin=agent")
                    (equal (nth 27 before) "  // aiprov: end"))
               "action: lines 22-27 are not the begin/end region: %S" (list (nth 22 before) (nth 27 before)))
    (e2e-check (eglot--server-capable :codeActionProvider)
               "action: the server has no codeActionProvider")
    (let* ((offered (eglot-code-actions (point) nil))
           (delete (cl-find-if (lambda (a)
                                 (and (equal (plist-get a :kind) "quickfix.aiprov.delete")
                                      (equal (plist-get (plist-get a :command) :command)
                                             "aiprov.deleteRegion")))
                               offered)))
      (e2e-check delete "action: no quickfix.aiprov.delete / aiprov.deleteRegion offered on line 22: %S"
                 (mapcar (lambda (a) (plist-get a :kind)) offered)))
    (eglot-code-actions (point) nil "quickfix.aiprov.delete" t)
    ;; The executeCommand request has returned; the edit came before.
    (e2e-check (= (length e2e-apply-edits) 1)
               "action: expected one workspace/applyEdit, got %S" e2e-apply-edits)
    (let ((expected (append (cl-subseq before 0 22) (nthcdr 28 before))))
      (e2e-check (equal (e2e-lines) expected)
                 "action: buffer after deleting the region:\n%s\nexpected:\n%s"
                 (mapconcat #'identity (e2e-lines) "\n") (mapconcat #'identity expected "\n"))))
  (let* ((diags (e2e-sync-and-wait "action"))
         (forbidden (e2e-with-code diags "aiprov-forbidden-region")))
    (e2e-check (equal (mapcar #'e2e-line forbidden) '(24))
               "action: expected only the next-line region's aiprov-forbidden-region (line 24): %S" forbidden)
    (e2e-check (equal (mapcar #'e2e-line (e2e-with-code diags "aiprov-unknown-paste")) '(5))
               "action: the unknown paste must stay at line 5: %S" diags)
    (e2e-check (null (e2e-shown 22)) "action: still shown on line 22: %S" (e2e-shown 22))
    (e2e-out "ok 4 - code action: quickfix.aiprov.delete removed lines 22-27 and their finding"))

  ;; Shut the server down politely so it settles the paste into the ledger
  ;; (the driver checks it) and exits 0.  This is `eglot-shutdown' without
  ;; its last step: jsonrpc-shutdown deletes (SIGKILLs) the process right
  ;; after `exit', which would hide the server's own exit status.
  (let* ((server (eglot-current-server))
         (proc (jsonrpc--process server)))
    (set-buffer-modified-p nil)         ; nothing is ever saved into the copy
    (setf (eglot--shutdown-requested server) t)
    (jsonrpc-request server :shutdown nil :timeout e2e-timeout)
    (jsonrpc-notify server :exit nil)
    (e2e-wait "server exit after shutdown/exit" (lambda () (not (process-live-p proc))))
    (e2e-check (and (eq (process-status proc) 'exit) (= (process-exit-status proc) 0))
               "the server exited with %s %s" (process-status proc) (process-exit-status proc))))

(defun e2e-dump-events ()
  "The end of eglot's JSON-RPC log, to see what went over the wire."
  (let ((server (ignore-errors (with-current-buffer (find-buffer-visiting e2e-file)
                                 (eglot-current-server)))))
    (when server
      (with-current-buffer (jsonrpc-events-buffer server)
        (e2e-out "---- eglot events (last 6000 chars) ----\n%s"
                 (buffer-substring-no-properties (max (point-min) (- (point-max) 6000))
                                                 (point-max)))))))

(condition-case err
    (progn
      (e2e-main)
      (e2e-out "PASS emacs-eglot")
      (kill-emacs 0))
  (e2e-failure
   (e2e-out "FAIL: %s" (cadr err))
   (e2e-dump-events)
   (kill-emacs 1))
  (error
   (e2e-out "FAIL: Lisp error: %S" err)
   (e2e-dump-events)
   (kill-emacs 1)))

;;; emacs-eglot.el ends here
