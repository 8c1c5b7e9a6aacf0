rootProject.name = "booking"
