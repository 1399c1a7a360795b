// Refuses a file that is too large before it is sent: on a weak connection, uploading 40 MB only to be
// told "too large" costs minutes. The server checks type and size again.
(function () {
  var form = document.querySelector('form.upload');
  if (!form) { return; }
  var input = form.querySelector('input[type=file]');
  var error = document.getElementById('upload-error');
  var max = Number(form.getAttribute('data-max-bytes'));
  function check() {
    var tooLarge = input.files.length > 0 && input.files[0].size > max;
    error.textContent = tooLarge ? form.getAttribute('data-text-too-large') : '';
    error.hidden = !tooLarge;
    input.setAttribute('aria-invalid', tooLarge ? 'true' : 'false');
    return !tooLarge;
  }
  input.addEventListener('change', check);
  form.addEventListener('submit', function (event) { if (!check()) { event.preventDefault(); input.focus(); } });
})();
